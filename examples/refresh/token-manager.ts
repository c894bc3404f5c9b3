/**
 * A token manager for a service: it hands out a valid access token, refreshes ahead of expiry,
 * lets concurrent callers share one refresh, and when the refresh token is no longer accepted,
 * reports it, revokes that login and falls back to the account credentials.
 *
 * @see /guides/refresh-and-rotation/
 */
import { atLeastFloor, CredentialsRejected, retryDelay } from '../long-running/with-retries.ts';
import { ApiError, basicAuth } from '../service-tokens/create-service-token.ts';
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
	/** Told about every failed refresh or login (a refused refresh included), for monitoring. */
	onError?: (error: unknown) => void;
	/**
	 * Told when the API refuses the refresh token: expired, revoked, or spent by someone else (a
	 * stolen copy). Alert on it. The manager revokes that login (`loginId`, every pair rotated from
	 * it, a thief's included) before it logs in again.
	 */
	onRefreshRefused?: (event: { loginId: string | undefined }) => void;
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
	/** Failed attempts in a row (one per attempt, however many callers waited on it). */
	#failures = 0;
	/** No request before this `Date.now()`: the backoff after a failure (at least `MIN_DELAY_MS`). */
	#notBefore = 0;
	#lastError: unknown;
	/** A login given up (refresh refused, or its answer lost): revoked before the next login. */
	#abandoned: string | undefined;
	/** Set once the credentials are refused: a configuration error, so nothing is sent again. */
	#fatal: CredentialsRejected | undefined;
	/** A pair the store has not taken yet (its write failed); saved before it is handed out. */
	#unsaved = false;
	#stopped = false;

	constructor(options: TokenManagerOptions) {
		this.#options = options;
	}
	// #endregion state

	// #region ensure-valid
	/** A valid access token, refreshed first if it is within the margin of expiring. */
	async getAccessToken(): Promise<string> {
		if (this.#stopped) throw new Error('TokenManager is stopped');
		if (this.#fatal) throw this.#fatal;
		const pair = this.#pair;
		const valid = pair !== undefined && Date.now() < pair.validUntil;
		if (valid && !this.#unsaved && Date.now() < pair.refreshAt) return pair.accessToken;
		if (Date.now() < this.#notBefore && !this.#pending) {
			// Backing off after a failure: the current token while it lasts, else the failure.
			if (valid) return pair.accessToken;
			throw this.#lastError ?? new Error('no valid access token yet: the last one had expired');
		}
		try {
			return (await this.#nextPair()).accessToken;
		} catch (error) {
			// A 5xx or a timeout says nothing about the tokens: while the current access token is
			// still valid, use it (the next attempt waits for the backoff instead of piling on).
			if (pair && this.#pair === pair && Date.now() < pair.validUntil && !this.#fatal) {
				return pair.accessToken;
			}
			throw error;
		}
	}
	// #endregion ensure-valid

	// #region invalidate
	/** Marks an access token the API refused (401) as stale, so the next call refreshes. */
	invalidate(accessToken: string): void {
		// Refused means not valid, whatever its expiry said: never handed out again.
		if (this.#pair?.accessToken === accessToken) this.#pair.refreshAt = this.#pair.validUntil = 0;
	}
	// #endregion invalidate

	// #region single-flight
	/** One new pair at a time: concurrent callers all await the same one. */
	#nextPair(): Promise<CurrentPair> {
		this.#pending ??= this.#obtainPair()
			.then(
				(pair) => {
					this.#failures = 0;
					this.#notBefore = 0;
					return pair;
				},
				(error: unknown) => {
					// Counted once per attempt, whatever the number of callers awaiting it.
					this.#lastError = error;
					this.#notBefore =
						Date.now() + retryDelay(error, this.#failures++, RETRY_BASE_MS, RETRY_MAX_MS);
					this.#report(error);
					throw error;
				}
			)
			.finally(() => {
				this.#pending = undefined;
			});
		return this.#pending;
	}

	#report(error: unknown): void {
		try {
			this.#options.onError?.(error);
		} catch (reporterError) {
			console.error('TokenManager onError threw', reporterError);
		}
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
				// Expired, revoked or spent by someone else (a stolen copy?): this login is finished.
				pair.refreshToken = undefined;
				this.#abandoned = this.#loginId;
				this.#refused();
				// Read to its end: unread, it holds its connection until the timeout above cuts it.
				await response.text().catch(() => {});
			} else if (response.ok) {
				// The server has rotated: whatever the body holds, the old refresh token is spent. An
				// unusable body loses that pair: give up this login (revoked below); the retry logs in.
				pair.refreshToken = undefined;
				this.#abandoned = this.#loginId;
				const kept = await this.#keep(response);
				this.#abandoned = undefined;
				return kept;
			} else {
				// A server or network problem says nothing about the tokens: keep them.
				throw await ApiError.from(response);
			}
		}
		// Revoking the first pair revokes every pair rotated from it: a thief's, or one whose answer
		// was lost, dies here, before the new login's id replaces this one.
		if (this.#abandoned) await this.#revokeLogin(this.#abandoned);
		this.#abandoned = undefined;
		const { baseUrl, username, password, scopes } = this.#options;
		const response = await fetch(`${baseUrl}/3rdparty/v1/auth/token`, {
			method: 'POST',
			headers: {
				Authorization: basicAuth(username, password),
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

	#refused(): void {
		const loginId = this.#loginId;
		this.#report(new Error(`the API refused the refresh token of login ${loginId}`));
		try {
			this.#options.onRefreshRefused?.({ loginId });
		} catch (reporterError) {
			console.error('TokenManager onRefreshRefused threw', reporterError);
		}
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
		const lifetime = refreshDelay(response, pair.expiresAt, 0);
		this.#pair = {
			...pair,
			refreshAt: now + atLeastFloor(refreshDelay(response, pair.expiresAt, marginSeconds)),
			validUntil: now + lifetime,
		};
		const saved = await this.#save(this.#pair);
		// Kept for its refresh token, but never handed out: an access token that arrives expired
		// (or a clock far ahead) is a failure, and the next attempt waits for the backoff.
		if (lifetime <= 0) throw new TypeError('the token endpoint answered with an expired token');
		return saved;
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
		await this.stop();
		const loginId = this.#loginId ?? (await this.#options.store?.load())?.loginId;
		this.#pair = undefined;
		this.#loginId = undefined;
		await this.#options.store?.clear();
		if (loginId) await this.#revokeLogin(loginId);
	}

	/**
	 * For a restart (a deploy's SIGTERM): hands out no tokens afterwards, lets a refresh in flight
	 * reach the store, and keeps the login there, so the next process carries on without the password.
	 */
	async stop(): Promise<void> {
		this.#stopped = true;
		await this.#pending?.catch(() => {}); // let a refresh in flight land (and be stored)
	}

	async #revokeLogin(loginId: string): Promise<void> {
		const { baseUrl, username, password } = this.#options;
		const response = await fetch(`${baseUrl}/3rdparty/v1/auth/token/${loginId}`, {
			method: 'DELETE',
			headers: { Authorization: basicAuth(username, password) },
			signal: AbortSignal.timeout(TIMEOUT_MS),
		});
		if (!response.ok) throw await ApiError.from(response);
	}
	// #endregion revoke
}
