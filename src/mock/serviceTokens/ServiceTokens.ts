import type { RequestableScope } from '../contract/scopes.ts';
import type { z } from 'zod';
import type { ServiceTokenResponse, ServiceTokenSummary } from '../contract/schemas.ts';
import { toTimestamp } from '../pairs/toTimestamp.ts';
import type { TokenRecord, TokenStore } from '../store/TokenStore.ts';
import type { AccessClaims } from '../tokens/claims.ts';
import type { TokenService } from '../tokens/TokenService.ts';

/** The body of a 201 from the create and renew endpoints. */
export type ServiceTokenBody = z.infer<typeof ServiceTokenResponse>;

/** One entry of the service token list. */
export type ServiceTokenSummaryBody = z.infer<typeof ServiceTokenSummary>;

/** A service token's record: always named, with an expiry. */
export type ServiceTokenRecord = TokenRecord & { kind: 'service'; name: string; expiresAt: number };

/**
 * Long-lived named access tokens for services that cannot keep a refresh token (seed 002). They
 * are renewed, never refreshed: a renewal is a new token with the same name and scopes, and the
 * original lives on until its own expiry. Revocation goes through the store like any token's.
 */
export class ServiceTokens {
	readonly #tokens: TokenService;
	readonly #store: TokenStore;

	constructor(options: { tokens: TokenService; store: TokenStore }) {
		this.#tokens = options.tokens;
		this.#store = options.store;
	}

	/** The same service signing with `tokens` (bound to a request's instant). */
	withTokens(tokens: TokenService): ServiceTokens {
		return new ServiceTokens({ tokens, store: this.#store });
	}

	/**
	 * Signs and records a service token living `lifetime` seconds. `recordScopes: false` records it
	 * the way tokens minted before scopes were recorded are: the JWT holds scopes, the record none.
	 * `notAfter` (NumericDate seconds) ends it sooner: the expiry of the bearer token minting it.
	 * `authorized` is asked once it is signed, in the step that stores it: `false` (the caller's
	 * credentials were revoked meanwhile) stores nothing and returns `undefined`.
	 */
	async mint(options: {
		sub: string;
		name: string;
		scopes: readonly RequestableScope[];
		lifetime: number;
		recordScopes?: boolean;
		notAfter?: number;
		authorized?: () => boolean;
		/** The id of the token being renewed; none for a token minted afresh. */
		renewedFrom?: string;
	}): Promise<ServiceTokenBody | undefined> {
		const { sub, name, lifetime, recordScopes = true, notAfter, renewedFrom } = options;
		const scopes = [...options.scopes];
		const signed = await this.#tokens.sign<AccessClaims>(
			{ sub, scopes, type: 'access', name },
			lifetime,
			notAfter
		);
		if (options.authorized?.() === false) return undefined;
		const record: ServiceTokenRecord = {
			jti: signed.claims.jti,
			kind: 'service',
			sub,
			name,
			expiresAt: signed.claims.exp,
			revoked: false,
			...(renewedFrom === undefined ? {} : { renewedFrom }),
		};
		this.#store.add(recordScopes ? { ...record, scopes } : record);
		return {
			id: signed.claims.jti,
			name,
			scopes,
			token: signed.token,
			expires_at: toTimestamp(signed.claims.exp),
		};
	}

	/** An owner's unrevoked service token by id; none if another's, revoked or unknown. */
	find(sub: string, id: string): ServiceTokenRecord | undefined {
		const record = this.#store.get(id);
		return isService(record) && record.sub === sub && !record.revoked ? record : undefined;
	}

	/** An owner's unrevoked service tokens, oldest first, expired ones included (renewable). */
	list(sub: string): ServiceTokenSummaryBody[] {
		return this.#store
			.records()
			.filter((record): record is ServiceTokenRecord => isService(record) && record.sub === sub)
			.filter((record) => !record.revoked)
			.map((record) => ({
				id: record.jti,
				name: record.name,
				scopes: [...(record.scopes ?? [])],
				expires_at: toTimestamp(record.expiresAt),
				renewed_from: record.renewedFrom ?? null,
			}));
	}
}

function isService(record: TokenRecord | undefined): record is ServiceTokenRecord {
	return record?.kind === 'service' && record.name !== undefined && record.expiresAt !== undefined;
}
