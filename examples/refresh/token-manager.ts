/**
 * A token manager for a service: it hands out a valid access token, refreshes ahead of expiry,
 * lets concurrent callers share one refresh, and falls back to the account credentials when the
 * refresh token is no longer accepted.
 *
 * @see /guides/refresh-and-rotation/
 */
import { parseTokenPair, type TokenPair } from '../token-pairs/parse-token-pair.ts';
import { refreshDelay } from '../token-pairs/refresh-delay.ts';

// #region options
export interface TokenManagerOptions {
	baseUrl: string;
	username: string;
	password: string;
	scopes: string[];
	/** Refresh this many seconds before the access token expires. */
	marginSeconds?: number;
}
// #endregion options

// #region state
interface CurrentPair extends Omit<TokenPair, 'refreshToken'> {
	/** Gone once spent or refused: a refresh token is never sent twice on purpose. */
	refreshToken: string | undefined;
	/** `Date.now()` after which to refresh (the margin before expiry). */
	refreshAt: number;
	/** `Date.now()` at which the access token expires, measured from its arrival. */
	validUntil: number;
}

/** After a failed refresh, callers keep the current token this long before the next attempt. */
export const RETRY_AFTER_MS = 5_000;
/** No request to the token endpoints may hang longer than this. */
export const TIMEOUT_MS = 10_000;

export class TokenManager {
	readonly #options: TokenManagerOptions;
	#pair: CurrentPair | undefined;
	/** The first pair of the current login: revoking it revokes every pair rotated from it. */
	#loginId: string | undefined;
	#pending: Promise<CurrentPair> | undefined;
	#closed = false;

	constructor(options: TokenManagerOptions) {
		this.#options = options;
	}
	// #endregion state

	// #region ensure-valid
	/** A valid access token, refreshed first if it is within the margin of expiring. */
	async getAccessToken(): Promise<string> {
		if (this.#closed) throw new Error('TokenManager is closed');
		const pair = this.#pair;
		if (pair && Date.now() < pair.refreshAt) return pair.accessToken;
		try {
			return (await this.#renew()).accessToken;
		} catch (error) {
			// A 5xx or a timeout says nothing about the tokens: while the current access token is
			// still valid, use it, and let the next attempt wait a few seconds instead of piling on.
			if (pair && this.#pair === pair && Date.now() < pair.validUntil) {
				pair.refreshAt = Date.now() + RETRY_AFTER_MS;
				return pair.accessToken;
			}
			throw error;
		}
	}
	// #endregion ensure-valid

	// #region invalidate
	/** Marks an access token the API refused (401) as stale, so the next call refreshes. */
	invalidate(accessToken: string): void {
		if (this.#pair?.accessToken === accessToken) this.#pair.refreshAt = 0;
	}
	// #endregion invalidate

	// #region single-flight
	/** One renewal at a time: concurrent callers all await the same one. */
	#renew(): Promise<CurrentPair> {
		this.#pending ??= this.#obtainPair().finally(() => {
			this.#pending = undefined;
		});
		return this.#pending;
	}
	// #endregion single-flight

	// #region refresh-or-reauthenticate
	async #obtainPair(): Promise<CurrentPair> {
		const pair = this.#pair;
		if (pair?.refreshToken) {
			const response = await fetch(`${this.#options.baseUrl}/3rdparty/v1/auth/token/refresh`, {
				method: 'POST',
				headers: { Authorization: `Bearer ${pair.refreshToken}` },
				signal: AbortSignal.timeout(TIMEOUT_MS),
			});
			if (response.status === 401) {
				// Expired, revoked or already spent: never send this refresh token again.
				pair.refreshToken = undefined;
			} else if (response.ok) {
				// The server has rotated: whatever the body holds, the old refresh token is spent.
				pair.refreshToken = undefined;
				return this.#keep(response);
			} else {
				// A server or network problem says nothing about the tokens: keep them.
				throw new Error(`refresh failed: ${response.status}`);
			}
		}
		const { baseUrl, username, password, scopes } = this.#options;
		const response = await fetch(`${baseUrl}/3rdparty/v1/auth/token`, {
			method: 'POST',
			headers: {
				Authorization: `Basic ${btoa(`${username}:${password}`)}`,
				'Content-Type': 'application/json',
			},
			body: JSON.stringify({ scopes }),
			signal: AbortSignal.timeout(TIMEOUT_MS),
		});
		if (!response.ok) throw new Error(`authentication failed: ${response.status}`);
		const login = await this.#keep(response);
		this.#loginId = login.id;
		return login;
	}
	// #endregion refresh-or-reauthenticate

	// #region store-rotated
	/** Replaces the whole pair at once, after checking it; a bad body changes nothing. */
	async #keep(response: Response): Promise<CurrentPair> {
		const pair = parseTokenPair(await response.json());
		const { marginSeconds } = this.#options;
		const now = Date.now();
		this.#pair = {
			...pair,
			refreshAt: now + refreshDelay(response, pair.expiresAt, marginSeconds),
			validUntil: now + refreshDelay(response, pair.expiresAt, 0),
		};
		return this.#pair;
	}
	// #endregion store-rotated

	// #region revoke
	/**
	 * Revokes the login, e.g. on shutdown: every pair rotated from it, including older access
	 * tokens that would otherwise live out their 15 minutes. Hands out no tokens afterwards.
	 */
	async revoke(): Promise<void> {
		this.#closed = true;
		await this.#pending?.catch(() => {}); // let a refresh in flight land, so it is revoked too
		const loginId = this.#loginId;
		this.#pair = undefined;
		this.#loginId = undefined;
		if (!loginId) return;
		const { baseUrl, username, password } = this.#options;
		const response = await fetch(`${baseUrl}/3rdparty/v1/auth/token/${loginId}`, {
			method: 'DELETE',
			headers: { Authorization: `Basic ${btoa(`${username}:${password}`)}` },
			signal: AbortSignal.timeout(TIMEOUT_MS),
		});
		if (!response.ok) throw new Error(`revoking failed: ${response.status}`);
	}
	// #endregion revoke
}
