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

interface CurrentPair extends TokenPair {
	/** `Date.now()` value after which the access token should be refreshed. */
	refreshAt: number;
}

export class TokenManager {
	readonly #options: TokenManagerOptions;
	#pair: CurrentPair | undefined;
	#pending: Promise<CurrentPair> | undefined;

	constructor(options: TokenManagerOptions) {
		this.#options = options;
	}

	// #region ensure-valid
	/** A valid access token, refreshed first if it is within the margin of expiring. */
	async getAccessToken(): Promise<string> {
		const pair = this.#pair;
		if (pair && Date.now() < pair.refreshAt) return pair.accessToken;
		return (await this.#renew()).accessToken;
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
		const refreshToken = this.#pair?.refreshToken;
		if (refreshToken) {
			const response = await fetch(`${this.#options.baseUrl}/3rdparty/v1/auth/token/refresh`, {
				method: 'POST',
				headers: { Authorization: `Bearer ${refreshToken}` },
			});
			if (response.ok) return this.#keep(response);
			if (response.status !== 401) {
				// A server or network problem says nothing about the tokens: keep them and retry later.
				throw new Error(`refresh failed: ${response.status}`);
			}
			// 401: expired, revoked or already spent. Never send this refresh token again.
			this.#pair = undefined;
		}
		const { baseUrl, username, password, scopes } = this.#options;
		const response = await fetch(`${baseUrl}/3rdparty/v1/auth/token`, {
			method: 'POST',
			headers: {
				Authorization: `Basic ${btoa(`${username}:${password}`)}`,
				'Content-Type': 'application/json',
			},
			body: JSON.stringify({ scopes }),
		});
		if (!response.ok) throw new Error(`authentication failed: ${response.status}`);
		return this.#keep(response);
	}
	// #endregion refresh-or-reauthenticate

	// #region store-rotated
	/** Replaces the whole pair at once: the rotated refresh token is the only one that works now. */
	async #keep(response: Response): Promise<CurrentPair> {
		const pair = parseTokenPair(await response.json());
		const delay = refreshDelay(response, pair.expiresAt, this.#options.marginSeconds);
		this.#pair = { ...pair, refreshAt: Date.now() + delay };
		return this.#pair;
	}
	// #endregion store-rotated

	// #region revoke
	/** Revokes the current pair, e.g. on shutdown. Its access token stops working at once. */
	async revoke(): Promise<void> {
		const pair = this.#pair;
		if (!pair) return;
		this.#pair = undefined;
		const { baseUrl, username, password } = this.#options;
		const response = await fetch(`${baseUrl}/3rdparty/v1/auth/token/${pair.id}`, {
			method: 'DELETE',
			headers: { Authorization: `Basic ${btoa(`${username}:${password}`)}` },
		});
		if (!response.ok) throw new Error(`revoking failed: ${response.status}`);
	}
	// #endregion revoke
}
