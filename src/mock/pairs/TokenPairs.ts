import { nanoid } from 'nanoid';
import type { z } from 'zod';
import type { Clock } from '../clock/Clock.ts';
import { LIFETIMES } from '../contract/lifetimes.ts';
import { REFRESH_SCOPE } from '../contract/scopes.ts';
import type { TokenPairResponse } from '../contract/schemas.ts';
import type { Surface, TokenStore } from '../store/TokenStore.ts';
import type { AccessClaims, RefreshClaims } from '../tokens/claims.ts';
import type { TokenService } from '../tokens/TokenService.ts';
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

/** A rotation's result as remembered for the overlap window. */
interface Successor {
	pair: Promise<IssuedPair>;
	/** Set as soon as `pair` resolves. */
	resolved?: IssuedPair;
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
	/**
	 * A spent refresh token's rotation result, kept so the overlap window can hand it out again:
	 * the pair being signed, and the pair itself once it is (what a snapshot can carry).
	 */
	#successors = new Map<string, Successor>();

	constructor(options: { tokens: TokenService; store: TokenStore; clock: Clock }) {
		this.#tokens = options.tokens;
		this.#store = options.store;
		this.#clock = options.clock;
	}

	/**
	 * The same pairs (one store, one memory of rotations) read on `clock` and signed by `tokens`:
	 * what one request, stopped at its instant, works with.
	 */
	withClock(clock: Clock, tokens: TokenService): TokenPairs {
		const view = new TokenPairs({ tokens, store: this.#store, clock });
		view.#successors = this.#successors;
		return view;
	}

	/**
	 * Issues the first pair of a new login on a surface (default `api`), with an access token of
	 * `ttl` seconds (0 or absent: 900; more is clamped to 900).
	 */
	async issue(
		sub: string,
		scopes: string[],
		options: { ttl?: number | undefined; surface?: Surface } = {}
	): Promise<IssuedPair> {
		const { ttl = 0, surface = 'api' } = options;
		const lifetime = ttl > 0 ? Math.min(ttl, LIFETIMES.accessToken) : LIFETIMES.accessToken;
		const family = this.#store.addFamily({
			id: nanoid(),
			sub,
			surface,
			expiresAt: this.#clock.nowSeconds() + LIFETIMES.family,
			revoked: false,
		});
		return this.#mint({ sub, scopes, familyId: family.id, lifetime, notAfter: family.expiresAt });
	}

	/**
	 * Spends a refresh token for a new pair. The check and the spending happen with no `await`
	 * between them, so of N concurrent requests with one token exactly one wins.
	 */
	async rotate(refreshToken: string, policy: RotationPolicy): Promise<RotationResult> {
		const found = await this.#find(refreshToken, policy.surface);
		if (!found || !this.#store.isActive(found.record.jti)) return { ok: false, reason: 'invalid' };
		const { claims, record, family } = found;

		const now = this.#clock.nowSeconds();
		if (record.consumedAt !== undefined) {
			const successor = this.#successors.get(record.jti)?.pair;
			const withinOverlap = now - record.consumedAt <= policy.overlapSeconds;
			// While the successor is still being signed it cannot have been spent yet.
			const successorUnspent =
				record.successor === undefined ||
				(this.#store.get(record.successor)?.consumedAt === undefined &&
					this.#store.isActive(record.successor));
			if (policy.overlapSeconds > 0 && withinOverlap && successorUnspent && successor) {
				return { ok: true, pair: await successor };
			}
			if (policy.reuse === 'revoke-family') this.#store.revokeFamily(family.id);
			return { ok: false, reason: 'reused' };
		}

		record.consumedAt = now;
		const next = this.#mint({
			sub: claims.sub,
			scopes: claims.original_scopes,
			familyId: family.id,
			lifetime: LIFETIMES.accessToken,
			notAfter: family.expiresAt,
			parent: record.jti,
		});
		const successor: Successor = { pair: next };
		// Registered before anyone else awaits `next`, so `snapshot` finds it resolved.
		next.then(
			(pair) => (successor.resolved = pair),
			() => undefined
		);
		this.#successors.set(record.jti, successor);
		const pair = await next;
		return { ok: true, pair };
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

	/**
	 * Every remembered rotation result, by the `jti` of the refresh token that was spent for it.
	 * Waits for pairs still being signed; one whose signing failed is left out (its rotation
	 * answered 500, so no client holds it).
	 */
	async snapshot(): Promise<[jti: string, pair: IssuedPair][]> {
		const successors = [...this.#successors];
		await Promise.allSettled(successors.map(([, successor]) => successor.pair));
		return successors.flatMap(([jti, { resolved }]): [string, IssuedPair][] =>
			resolved ? [[jti, structuredClone(resolved)]] : []
		);
	}

	/** Replaces the remembered rotation results with a snapshot's. */
	restore(successors: readonly (readonly [jti: string, pair: IssuedPair])[]): void {
		this.clear();
		for (const [jti, pair] of successors) {
			const resolved = structuredClone(pair);
			this.#successors.set(jti, { pair: Promise.resolve(resolved), resolved });
		}
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

	async #mint(options: {
		sub: string;
		scopes: string[];
		familyId: string;
		lifetime: number;
		notAfter: number;
		parent?: string;
	}): Promise<IssuedPair> {
		const { sub, scopes, familyId, lifetime, notAfter, parent } = options;
		const access = await this.#tokens.sign<AccessClaims>(
			{ sub, scopes, type: 'access' },
			lifetime,
			notAfter
		);
		const refresh = await this.#tokens.sign<RefreshClaims>(
			{ sub, scopes: [REFRESH_SCOPE], original_scopes: scopes, type: 'refresh' },
			LIFETIMES.refreshToken,
			notAfter
		);
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
