import { nanoid } from 'nanoid';
import type { z } from 'zod';
import type { Accounts } from '../auth/Accounts.ts';
import type { Clock } from '../clock/Clock.ts';
import { LIFETIMES } from '../contract/lifetimes.ts';
import { REFRESH_SCOPE } from '../contract/scopes.ts';
import type { TokenPairResponse } from '../contract/schemas.ts';
import type { Surface, TokenRecord, TokenStore } from '../store/TokenStore.ts';
import type { AccessClaims, RefreshClaims } from '../tokens/claims.ts';
import type { SignedToken, TokenService } from '../tokens/TokenService.ts';
import { toTimestamp } from './toTimestamp.ts';

/** The body of a 201 from the issue and refresh endpoints. */
export type TokenPairBody = z.infer<typeof TokenPairResponse>;

/** A freshly issued pair, with the expiries a surface may need to present it (cookie Max-Age). */
export interface IssuedPair {
	body: TokenPairBody;
	/** NumericDate seconds. */
	accessExpiresAt: number;
	/** NumericDate seconds. */
	refreshExpiresAt: number;
}

/** How {@link TokenPairs.issue} issues a login's first pair. */
export interface IssueOptions {
	/** Seconds the access token lives (0 or absent: the full lifetime; more is clamped). */
	ttl?: number | undefined;
	/** Where the login happens; default `api`. */
	surface?: Surface;
	/** NumericDate seconds at which the whole family ends, if sooner than its absolute lifetime. */
	notAfter?: number;
}

/** What the refresh endpoint does when a consumed refresh token comes back. */
export type ReusePolicy = 'reject' | 'revoke-family';

/** How rotation treats replays, and where the token is being presented. */
export interface RotationPolicy {
	reuse: ReusePolicy;
	/** Seconds after a rotation during which the immediate predecessor yields the same successor. */
	overlapSeconds: number;
	/** The surface presenting the token; a token is refused on a surface other than its own. */
	surface: Surface;
}

/** Both tokens of a pair, signed but not yet stored. */
interface SignedPair {
	access: SignedToken<AccessClaims>;
	refresh: SignedToken<RefreshClaims>;
}

/** The outcome of presenting a refresh token. */
export type RotationResult =
	{ ok: true; pair: IssuedPair } | { ok: false; reason: 'invalid' | 'reused' };

/**
 * Issues token pairs and rotates them: each refresh token is spent once, a spent one coming back
 * is reuse, and a login's family never outlives its absolute lifetime. Both the bearer API and the
 * browser session surface run on this one implementation.
 */
export class TokenPairs {
	readonly #tokens: TokenService;
	readonly #store: TokenStore;
	readonly #clock: Clock;
	readonly #accounts: Pick<Accounts, 'covers'>;
	/** A spent refresh token's rotation result, kept so the overlap window can hand it out again. */
	#successors = new Map<string, IssuedPair>();

	constructor(options: {
		tokens: TokenService;
		store: TokenStore;
		clock: Clock;
		/** Whose grants a refresh checks: a pair never carries a scope its account lost. */
		accounts: Pick<Accounts, 'covers'>;
	}) {
		this.#tokens = options.tokens;
		this.#store = options.store;
		this.#clock = options.clock;
		this.#accounts = options.accounts;
	}

	/**
	 * The same pairs (one store, one memory of rotations) read on `clock` and signed by `tokens`:
	 * what one request, stopped at its instant, works with.
	 */
	withClock(clock: Clock, tokens: TokenService): TokenPairs {
		const view = new TokenPairs({ tokens, store: this.#store, clock, accounts: this.#accounts });
		view.#successors = this.#successors;
		return view;
	}

	/**
	 * Issues the first pair of a new login on a surface (default `api`), with an access token of
	 * `ttl` seconds (0 or absent: 900; more is clamped to 900). `notAfter` (NumericDate seconds)
	 * ends the whole family sooner than its absolute lifetime: the expiry of the bearer token that
	 * issued it. `authorized` is asked once the pair is signed, in the step that stores it: `false`
	 * (the caller's credentials were revoked meanwhile) stores nothing and returns `undefined`.
	 */
	async issue(sub: string, scopes: readonly string[], options?: IssueOptions): Promise<IssuedPair>;
	async issue(
		sub: string,
		scopes: readonly string[],
		options: IssueOptions & { authorized: () => boolean }
	): Promise<IssuedPair | undefined>;
	async issue(
		sub: string,
		scopes: readonly string[],
		options: IssueOptions & { authorized?: () => boolean } = {}
	): Promise<IssuedPair | undefined> {
		const { ttl = 0, surface = 'api', notAfter = Number.POSITIVE_INFINITY } = options;
		const lifetime = ttl > 0 ? Math.min(ttl, LIFETIMES.accessToken) : LIFETIMES.accessToken;
		const expiresAt = Math.min(this.#clock.nowSeconds() + LIFETIMES.family, notAfter);
		// A scope asked for twice is granted once: hundreds of copies would otherwise make tokens
		// larger than the API itself accepts.
		const unique = [...new Set(scopes)];
		const signed = await this.#sign({ sub, scopes: unique, lifetime, notAfter: expiresAt });
		if (options.authorized?.() === false) return undefined;
		const family = this.#store.addFamily({ id: nanoid(), sub, surface, expiresAt, revoked: false });
		return this.#record(signed, family.id);
	}

	/**
	 * Spends a refresh token for a new pair granted its `original_scopes` that the account still
	 * holds (none left: `invalid`, and the token stays unspent).
	 *
	 * The new pair is signed first, with nothing changed; then, with no `await` in between, the
	 * token is checked again, spent, and its successor stored in the token tree. So of N concurrent
	 * requests with one token exactly one wins, and a revocation is atomic with respect to a
	 * rotation in flight: it lands either before that step (the successor is never stored and the
	 * rotation is refused) or after it (the successor is in the tree the revocation walks).
	 */
	async rotate(refreshToken: string, policy: RotationPolicy): Promise<RotationResult> {
		const found = await this.#find(refreshToken, policy.surface);
		if (!found || !this.#store.isActive(found.record.jti)) return { ok: false, reason: 'invalid' };
		const { claims, record, family } = found;
		if (record.consumedAt !== undefined) return this.#replayed(record, family.id, policy);

		const scopes = claims.original_scopes.filter((scope) =>
			this.#accounts.covers(claims.sub, scope)
		);
		if (scopes.length === 0) return { ok: false, reason: 'invalid' };
		const signed = await this.#sign({
			sub: claims.sub,
			scopes,
			lifetime: LIFETIMES.accessToken,
			notAfter: family.expiresAt,
		});

		// One synchronous step from here on: see above.
		if (!this.#store.isActive(record.jti)) return { ok: false, reason: 'invalid' };
		if (record.consumedAt !== undefined) return this.#replayed(record, family.id, policy);
		record.consumedAt = this.#clock.nowSeconds();
		const pair = this.#record(signed, family.id, record.jti);
		this.#successors.set(record.jti, pair);
		return { ok: true, pair };
	}

	/** A spent refresh token came back: the same successor within the overlap window, else reuse. */
	#replayed(record: TokenRecord, familyId: string, policy: RotationPolicy): RotationResult {
		const successor = this.#successors.get(record.jti);
		const withinOverlap =
			this.#clock.nowSeconds() - (record.consumedAt ?? 0) <= policy.overlapSeconds;
		const successorUnspent =
			record.successor !== undefined &&
			this.#store.get(record.successor)?.consumedAt === undefined &&
			this.#store.isActive(record.successor);
		if (policy.overlapSeconds > 0 && withinOverlap && successorUnspent && successor) {
			return { ok: true, pair: successor };
		}
		if (policy.reuse === 'revoke-family') this.#store.revokeFamily(familyId);
		return { ok: false, reason: 'reused' };
	}

	/**
	 * Ends the login a refresh token belongs to (logout): its whole family is revoked. A genuine,
	 * unexpired token of the surface is enough, even one already spent, so a client whose latest
	 * rotation got lost can still log out. Returns whether a login was ended.
	 */
	async end(refreshToken: string, surface: Surface): Promise<boolean> {
		const found = await this.#find(refreshToken, surface);
		if (!found) return false;
		this.#store.revokeFamily(found.family.id);
		return true;
	}

	/** Every remembered rotation result, by the `jti` of the refresh token that was spent for it. */
	async snapshot(): Promise<[jti: string, pair: IssuedPair][]> {
		return structuredClone([...this.#successors]);
	}

	/** Replaces the remembered rotation results with a snapshot's. */
	restore(successors: readonly (readonly [jti: string, pair: IssuedPair])[]): void {
		this.clear();
		for (const [jti, pair] of successors) this.#successors.set(jti, structuredClone(pair));
	}

	/** Forgets the remembered rotation results. */
	clear(): void {
		this.#successors.clear();
	}

	/** A genuine refresh token's claims, record and family, if it belongs to `surface`. */
	async #find(refreshToken: string, surface: Surface) {
		const claims = await this.#tokens.verify(refreshToken, 'refresh');
		if (!claims) return undefined;
		const record = this.#store.get(claims.jti);
		const family = this.#store.family(record?.familyId);
		if (!record || record.kind !== 'refresh' || !family || family.surface !== surface) {
			return undefined;
		}
		return { claims, record, family };
	}

	/** Signs a pair; records nothing, so an unfinished rotation leaves no trace. */
	async #sign(options: {
		sub: string;
		scopes: string[];
		lifetime: number;
		notAfter: number;
	}): Promise<SignedPair> {
		const { sub, scopes, lifetime, notAfter } = options;
		// Side by side: WebCrypto signs off the main thread, so the second need not wait.
		const [access, refresh] = await Promise.all([
			this.#tokens.sign<AccessClaims>({ sub, scopes, type: 'access' }, lifetime, notAfter),
			this.#tokens.sign<RefreshClaims>(
				{ sub, scopes: [REFRESH_SCOPE], original_scopes: scopes, type: 'refresh' },
				LIFETIMES.refreshToken,
				notAfter
			),
		]);
		return { access, refresh };
	}

	/** Stores a signed pair in its family, under the refresh token it replaces (if any). */
	#record({ access, refresh }: SignedPair, familyId: string, parent?: string): IssuedPair {
		const sub = access.claims.sub;
		const accessRecord = {
			jti: access.claims.jti,
			kind: 'access',
			sub,
			familyId,
			revoked: false,
		} as const;
		this.#store.add(parent === undefined ? accessRecord : { ...accessRecord, parent });
		this.#store.add({
			jti: refresh.claims.jti,
			kind: 'refresh',
			sub,
			familyId,
			parent: access.claims.jti,
			revoked: false,
		});
		if (parent !== undefined) {
			const spent = this.#store.get(parent);
			if (spent) spent.successor = refresh.claims.jti;
		}
		return {
			body: {
				id: access.claims.jti,
				token_type: 'Bearer',
				access_token: access.token,
				refresh_token: refresh.token,
				expires_at: toTimestamp(access.claims.exp),
			},
			accessExpiresAt: access.claims.exp,
			refreshExpiresAt: refresh.claims.exp,
		};
	}
}
