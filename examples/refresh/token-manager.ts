/**
 * A token manager for a service: it hands out a valid access token, refreshes ahead of expiry,
 * lets concurrent callers share one refresh, and falls back to the account credentials when the
 * refresh token is no longer accepted.
 *
 * @see /guides/refresh-and-rotation/
 */
import { backoff, CredentialsRejected } from '../long-running/with-retries.ts';
import { ApiError } from '../service-tokens/create-service-token.ts';
import { parseTokenPair, type TokenPair } from '../token-pairs/parse-token-pair.ts';
import { refreshDelay } from '../token-pairs/refresh-delay.ts';
import type { TokenStore } from './token-store.ts';

// #region options
export interface TokenManagerOptions {
	baseUrl: string;
	username: string;
	password: string;
	scopes: string[];
	/** Refresh this many seconds before the access token expires. */
	marginSeconds?: number;
	/** Keeps the login across restarts; without one, a restart logs in again. */
	store?: TokenStore;
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

/** After failed refreshes, callers keep the current token a growing while (with jitter). */
export const RETRY_BASE_MS = 5_000;
export const RETRY_MAX_MS = 60_000;
/** No request to the token endpoints may hang longer than this. */
export const TIMEOUT_MS = 10_000;

export class TokenManager {
	readonly #options: TokenManagerOptions;
	#pair: CurrentPair | undefined;
	/** The first pair of the current login: revoking it revokes every pair rotated from it. */
	#loginId: string | undefined;
	#pending: Promise<CurrentPair> | undefined;
	/** Failed refreshes in a row, for the backoff. */
	#failures = 0;
	/** Set once the credentials are refused: a configuration error, so nothing is sent again. */
	#fatal: CredentialsRejected | undefined;
	/** A pair the store has not taken yet (its write failed); saved before it is handed out. */
	#unsaved = false;
	#closed = false;

	constructor(options: TokenManagerOptions) {
		this.#options = options;
	}
	// #endregion state

	// #region ensure-valid
	/** A valid access token, refreshed first if it is within the margin of expiring. */
	async getAccessToken(): Promise<string> {
		if (this.#closed) throw new Error('TokenManager is closed');
		if (this.#fatal) throw this.#fatal;
		const pair = this.#pair;
		if (pair && !this.#unsaved && Date.now() < pair.refreshAt) return pair.accessToken;
		try {
			return (await this.#nextPair()).accessToken;
		} catch (error) {
			// A 5xx or a timeout says nothing about the tokens: while the current access token is
			// still valid, use it, and let the next attempt wait a growing while instead of piling on.
			if (pair && this.#pair === pair && Date.now() < pair.validUntil && !this.#fatal) {
				pair.refreshAt = Date.now() + backoff(this.#failures++, RETRY_BASE_MS, RETRY_MAX_MS);
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
	/** One new pair at a time: concurrent callers all await the same one. */
	#nextPair(): Promise<CurrentPair> {
		this.#pending ??= this.#obtainPair().finally(() => {
			this.#pending = undefined;
		});
		return this.#pending;
	}
	// #endregion single-flight

	// #region refresh-or-reauthenticate
	async #obtainPair(): Promise<CurrentPair> {
		if (this.#unsaved && this.#pair) return this.#save(this.#pair);
		const pair = this.#pair ?? (await this.#restore());
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
				throw await ApiError.from(response);
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
		if (!response.ok) {
			const error = await CredentialsRejected.from(response);
			// Wrong credentials do not heal by themselves: stop here rather than resend them.
			if (error instanceof CredentialsRejected) this.#fatal = error;
			throw error;
		}
		return this.#keep(response, { startsLogin: true });
	}
	// #endregion refresh-or-reauthenticate

	// #region restore
	/** After a restart: the stored login's refresh token, to be refreshed before any use. */
	async #restore(): Promise<CurrentPair | undefined> {
		const stored = await this.#options.store?.load();
		if (!stored) return undefined;
		this.#loginId = stored.loginId;
		// No access token yet: everything is due, so the first call refreshes.
		this.#pair = {
			id: stored.loginId,
			accessToken: '',
			refreshToken: stored.refreshToken,
			expiresAt: 0,
			refreshAt: 0,
			validUntil: 0,
		};
		return this.#pair;
	}
	// #endregion restore

	// #region store-rotated
	/**
	 * Replaces the whole pair at once, after checking it; a bad body changes nothing. The new pair
	 * reaches the store before any caller gets its access token.
	 */
	async #keep(response: Response, { startsLogin = false } = {}): Promise<CurrentPair> {
		const pair = parseTokenPair(await response.json());
		if (startsLogin) this.#loginId = pair.id;
		const { marginSeconds } = this.#options;
		const now = Date.now();
		this.#pair = {
			...pair,
			refreshAt: now + refreshDelay(response, pair.expiresAt, marginSeconds),
			validUntil: now + refreshDelay(response, pair.expiresAt, 0),
		};
		this.#failures = 0;
		return this.#save(this.#pair);
	}

	/** Until the store has it, the pair is only in memory: a restart now would lose it. */
	async #save(pair: CurrentPair): Promise<CurrentPair> {
		const { store } = this.#options;
		if (!store || !pair.refreshToken || !this.#loginId) return pair;
		this.#unsaved = true;
		await store.save({ loginId: this.#loginId, refreshToken: pair.refreshToken });
		this.#unsaved = false;
		return pair;
	}
	// #endregion store-rotated

	// #region revoke
	/**
	 * Revokes the login, e.g. on shutdown: every pair rotated from it, including older access
	 * tokens that would otherwise live out their lifetime. Hands out no tokens afterwards.
	 */
	async revoke(): Promise<void> {
		this.#closed = true;
		await this.#pending?.catch(() => {}); // let a refresh in flight land, so it is revoked too
		const loginId = this.#loginId;
		this.#pair = undefined;
		this.#loginId = undefined;
		if (!loginId) return;
		await this.#options.store?.clear();
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
