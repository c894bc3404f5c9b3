import { nanoid } from 'nanoid';
import type { z } from 'zod';
import type { Clock } from '../clock/Clock.ts';
import { LIFETIMES } from '../contract/lifetimes.ts';
import { REFRESH_SCOPE } from '../contract/scopes.ts';
import type { TokenPairResponse } from '../contract/schemas.ts';
import type { TokenStore } from '../store/TokenStore.ts';
import type { AccessClaims, RefreshClaims } from '../tokens/claims.ts';
import type { TokenService } from '../tokens/TokenService.ts';
import { toTimestamp } from './toTimestamp.ts';

/** The body of a 201 from the issue and refresh endpoints. */
export type TokenPairBody = z.infer<typeof TokenPairResponse>;

/** What the refresh endpoint does when a consumed refresh token comes back. */
export type ReusePolicy = 'reject' | 'revoke-family';

/** How rotation treats replays. */
export interface RotationPolicy {
	reuse: ReusePolicy;
	/** Seconds after a rotation during which the immediate predecessor yields the same successor. */
	overlapSeconds: number;
}

/** The outcome of presenting a refresh token. */
export type RotationResult =
	{ ok: true; pair: TokenPairBody } | { ok: false; reason: 'invalid' | 'reused' };

/**
 * Issues token pairs and rotates them: each refresh token is spent once, a spent one coming back
 * is reuse, and a login's family never outlives its absolute lifetime.
 */
export class TokenPairs {
	readonly #tokens: TokenService;
	readonly #store: TokenStore;
	readonly #clock: Clock;
	/** A spent refresh token's rotation result, kept so the overlap window can hand it out again. */
	readonly #successors = new Map<string, Promise<TokenPairBody>>();

	constructor(options: { tokens: TokenService; store: TokenStore; clock: Clock }) {
		this.#tokens = options.tokens;
		this.#store = options.store;
		this.#clock = options.clock;
	}

	/** Issues the first pair of a new login, with an access token of `ttl` seconds (clamped to 900). */
	async issue(sub: string, scopes: string[], ttl = 0): Promise<TokenPairBody> {
		const lifetime = ttl > 0 ? Math.min(ttl, LIFETIMES.accessToken) : LIFETIMES.accessToken;
		const family = this.#store.addFamily({
			id: nanoid(),
			sub,
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
		const claims = await this.#tokens.verify(refreshToken, 'refresh');
		if (!claims || !this.#store.isActive(claims.jti)) return { ok: false, reason: 'invalid' };
		const record = this.#store.get(claims.jti);
		const family = this.#store.family(record?.familyId);
		if (!record || !family) return { ok: false, reason: 'invalid' };

		const now = this.#clock.nowSeconds();
		if (record.consumedAt !== undefined) {
			const successor = this.#successors.get(record.jti);
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
		this.#successors.set(record.jti, next);
		const pair = await next;
		return { ok: true, pair };
	}

	/** Forgets the remembered rotation results. */
	clear(): void {
		this.#successors.clear();
	}

	async #mint(options: {
		sub: string;
		scopes: string[];
		familyId: string;
		lifetime: number;
		notAfter: number;
		parent?: string;
	}): Promise<TokenPairBody> {
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
			id: access.claims.jti,
			token_type: 'Bearer',
			access_token: access.token,
			refresh_token: refresh.token,
			expires_at: toTimestamp(access.claims.exp),
		};
	}
}
