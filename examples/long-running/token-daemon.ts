/**
 * A daemon that keeps a token pair fresh in the background: a timer set from each response when it
 * arrives, bounded retries with backoff and jitter on transient failures only, a report, the old
 * login revoked and a fresh login when the refresh token is refused, a stop (and a report) when the
 * credentials are refused, the login kept on disk across restarts, and revocation when the service
 * is retired.
 *
 * @see /guides/long-running-services/
 */
import type { TokenStore } from '../refresh/token-store.ts';
import { ApiError, basicAuth } from '../service-tokens/create-service-token.ts';
import {
	atLeastFloor,
	backoff,
	CredentialsRejected,
	isTransient,
	MIN_DELAY_MS,
	withRetries,
} from './with-retries.ts';

// #region options
export interface TokenDaemonOptions {
	baseUrl: string;
	username: string;
	password: string;
	scopes: string[];
	/** Refresh this many seconds before the access token expires. */
	marginSeconds?: number;
	/** Attempts per refresh before giving up until the next cycle. */
	maxAttempts?: number;
	/** First retry delay; doubles on each attempt, up to `maxDelayMs`. */
	baseDelayMs?: number;
	maxDelayMs?: number;
	/**
	 * Told about every failed attempt, a refused refresh included. The daemon keeps going, except
	 * after a `CredentialsRejected` (or another answer retrying cannot change): then it stops, and
	 * `accessToken` throws it.
	 */
	onError?: (error: unknown) => void;
	/**
	 * Told when the API refuses the refresh token: expired, revoked, or spent by someone else (a
	 * stolen copy). Alert on it. The daemon has already revoked that login (`loginId`, every pair
	 * rotated from it, a thief's included) before it logs in again.
	 */
	onRefreshRefused?: (event: { loginId: string | undefined }) => void;
	/** Keeps the login across restarts; without one, a restart logs in again. */
	store?: TokenStore;
}

/** The API refused the refresh token (401): that login is over, and it may have been stolen. */
export class RefreshRefused extends Error {
	readonly loginId: string | undefined;
	constructor(loginId: string | undefined) {
		super(`the API refused the refresh token of login ${loginId ?? '(unknown)'}`);
		this.name = 'RefreshRefused';
		this.loginId = loginId;
	}
}
// #endregion options

// #region defaults
interface Pair {
	accessToken: string;
	/** Gone once spent or refused: a refresh token is never sent twice on purpose. */
	refreshToken: string | undefined;
	/** `Date.now()` at which the access token expires, by the server's clock. */
	validUntil: number;
}

/** No request may hang longer than this. */
export const TIMEOUT_MS = 10_000;

/** What the daemon does when an option is left out. */
export const DAEMON_DEFAULTS = {
	marginSeconds: 60,
	maxAttempts: 5,
	baseDelayMs: 1_000,
	maxDelayMs: 60_000,
} as const;

export class TokenDaemon {
	readonly #options: Required<Omit<TokenDaemonOptions, 'onError' | 'onRefreshRefused' | 'store'>> &
		Pick<TokenDaemonOptions, 'onError' | 'onRefreshRefused' | 'store'>;
	#pair: Pair | undefined;
	/** The first pair of the current login: revoking it revokes every pair rotated from it. */
	#loginId: string | undefined;
	/** A login given up (refresh refused, or its answer lost): revoked before the next login. */
	#abandoned: string | undefined;
	/** Answers in a row whose token left no time to use it (see `#keep`), for the backoff. */
	#shortLived = 0;
	/** The refresh running now, so a timer and `invalidate` never start a second one. */
	#running: Promise<void> | undefined;
	#timer: ReturnType<typeof setTimeout> | undefined;
	/** Aborts whatever request is in flight when the daemon stops. */
	#abort = new AbortController();
	#stopped = false;
	/** Why the daemon stopped by itself: an error no retry can fix. */
	#failure: unknown;

	constructor(options: TokenDaemonOptions) {
		this.#options = { ...DAEMON_DEFAULTS, ...options };
	}
	// #endregion defaults

	// #region start
	/**
	 * Carries on with the stored login, or logs in, and starts the refresh cycle. Network errors
	 * and 5xx are retried; refused credentials reject at once with `CredentialsRejected`.
	 */
	async start(): Promise<void> {
		this.#stopped = false;
		this.#failure = undefined;
		this.#abort = new AbortController();
		this.#schedule(await this.#withRetries());
	}

	/**
	 * The newest access token: refreshed with the margin to spare while the API answers, and the
	 * last good one while it does not, until that one expires. Throws once the token has expired
	 * (or was refused) with no new one yet, and once the daemon has stopped on a configuration error.
	 */
	get accessToken(): string {
		if (this.#failure) throw this.#failure;
		if (!this.#pair) throw new Error('TokenDaemon has no token: call start() first');
		if (Date.now() >= this.#pair.validUntil) {
			throw new Error('TokenDaemon has no valid access token: the API has not answered since');
		}
		return this.#pair.accessToken;
	}
	// #endregion start

	// #region invalidate
	/**
	 * Tells the daemon the API refused `accessToken` (a 401 before its expiry: revoked, or a
	 * clock that lied). It refreshes at once, one refresh however many callers report; the promise
	 * settles when that refresh has. `accessToken` throws until a new token arrives.
	 */
	invalidate(accessToken: string): Promise<void> {
		if (this.#stopped || this.#pair?.accessToken !== accessToken)
			return this.#running ?? Promise.resolve();
		this.#pair.validUntil = 0;
		return this.#cycleNow();
	}
	// #endregion invalidate

	// #region schedule
	#schedule(delayMs: number): void {
		if (this.#stopped) return;
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => void this.#cycleNow(), atLeastFloor(delayMs));
		// The next refresh is minutes away: it must not keep a process whose work is done alive.
		// (Retries, in contrast, do: a failing start-up must be there to try again.)
		this.#timer.unref?.();
	}
	// #endregion schedule

	// #region cycle
	#cycleNow(): Promise<void> {
		this.#running ??= this.#cycle().finally(() => {
			this.#running = undefined;
		});
		return this.#running;
	}

	async #cycle(): Promise<void> {
		try {
			this.#schedule(await this.#withRetries());
		} catch (error) {
			if (this.#stopped) return;
			this.#report(error);
			if (isTransient(error)) {
				// Out of attempts: try again later rather than die; the next success resets everything.
				this.#schedule(this.#options.maxDelayMs);
			} else {
				// Refused credentials (or scopes) do not heal by themselves: stop and say so.
				this.#failure = error;
				this.#stopped = true;
			}
		}
	}

	/** One refresh or login, retried only on network errors, timeouts and 5xx. */
	#withRetries(): Promise<number> {
		const { maxAttempts, baseDelayMs, maxDelayMs } = this.#options;
		return withRetries(() => this.#refreshOrLogin(), {
			attempts: maxAttempts,
			baseDelayMs,
			maxDelayMs,
			onRetry: (error) => this.#report(error),
			signal: this.#abort.signal,
		});
	}

	#report(error: unknown): void {
		try {
			this.#options.onError?.(error);
		} catch (reporterError) {
			console.error('TokenDaemon onError threw', reporterError);
		}
	}
	// #endregion cycle

	// #region refresh-or-login
	/** Returns the delay until the next refresh. */
	async #refreshOrLogin(): Promise<number> {
		const pair = this.#pair ?? (await this.#restore());
		if (!pair?.refreshToken) return this.#login();
		const response = await this.#fetch('/3rdparty/v1/auth/token/refresh', {
			method: 'POST',
			headers: { Authorization: `Bearer ${pair.refreshToken}` },
		});
		if (response.status === 401) {
			// Expired, revoked or spent by someone else (a stolen copy?): this login is finished.
			pair.refreshToken = undefined;
			this.#abandoned = this.#loginId;
			this.#report(new RefreshRefused(this.#loginId));
			try {
				this.#options.onRefreshRefused?.({ loginId: this.#loginId });
			} catch (reporterError) {
				console.error('TokenDaemon onRefreshRefused threw', reporterError);
			}
			return this.#login();
		}
		if (!response.ok) throw await ApiError.from(response);
		// A 201 spent it, whatever the body turns out to hold. If the body is unusable, the pair it
		// held is lost: give up this login (revoked below), and the retry is a clean login.
		pair.refreshToken = undefined;
		this.#abandoned = this.#loginId;
		const { delay } = await this.#keep(response);
		this.#abandoned = undefined;
		return delay;
	}

	async #login(): Promise<number> {
		// Revoking the first pair revokes every pair rotated from it: a thief's, or one whose
		// answer was lost, dies here, before this login's id replaces it.
		if (this.#abandoned) await this.#revokeLogin(this.#abandoned);
		this.#abandoned = undefined;
		const { username, password, scopes } = this.#options;
		const response = await this.#fetch('/3rdparty/v1/auth/token', {
			method: 'POST',
			headers: {
				Authorization: basicAuth(username, password),
				'Content-Type': 'application/json',
			},
			body: JSON.stringify({ scopes }),
		});
		// A 401 here means wrong credentials: CredentialsRejected, which no retry will fix.
		if (!response.ok) throw await CredentialsRejected.from(response);
		return (await this.#keep(response, { startsLogin: true })).delay;
	}

	/** After a restart: the stored login, whose refresh token the first cycle spends. */
	async #restore(): Promise<Pair | undefined> {
		const stored = await this.#options.store?.load();
		if (!stored) return undefined;
		this.#loginId = stored.loginId;
		this.#pair = { accessToken: '', refreshToken: stored.refreshToken, validUntil: 0 };
		return this.#pair;
	}

	/** A request that gives up after a timeout, or at once when the daemon stops. */
	#fetch(path: string, init: RequestInit): Promise<Response> {
		const signal = AbortSignal.any([this.#abort.signal, AbortSignal.timeout(TIMEOUT_MS)]);
		return fetch(`${this.#options.baseUrl}${path}`, { ...init, signal });
	}
	// #endregion refresh-or-login

	// #region keep
	/**
	 * Keeps a complete pair, or nothing, writes it to the store, and returns its id and when to
	 * refresh it.
	 */
	async #keep(
		response: Response,
		{ startsLogin = false } = {}
	): Promise<{ id: string; delay: number }> {
		const body = (await response.json()) as Record<string, unknown>;
		const { id, access_token, refresh_token, expires_at } = body;
		const expiresAt = typeof expires_at === 'string' ? Date.parse(expires_at) : Number.NaN;
		if (
			typeof id !== 'string' ||
			typeof access_token !== 'string' ||
			typeof refresh_token !== 'string' ||
			Number.isNaN(expiresAt)
		) {
			throw new TypeError('token response without a complete pair');
		}
		// Lifetime by the server's own clock (its Date header), so a wrong local clock cannot
		// make the timer late; the margin is seconds, the timer milliseconds.
		const serverNow = Date.parse(response.headers.get('Date') ?? '') || Date.now();
		const lifetime = expiresAt - serverNow;
		this.#pair = {
			accessToken: access_token,
			refreshToken: refresh_token,
			validUntil: Date.now() + lifetime,
		};
		if (startsLogin) this.#loginId = id;
		await this.#save(refresh_token);
		const delay = Math.max(lifetime - this.#options.marginSeconds * 1000, lifetime / 2);
		if (delay >= MIN_DELAY_MS) {
			this.#shortLived = 0;
			return { id, delay };
		}
		// A token that arrives (nearly) expired, or a clock far ahead with no Date header: wait
		// longer each time rather than rotate in a loop.
		const { baseDelayMs, maxDelayMs } = this.#options;
		return { id, delay: atLeastFloor(backoff(this.#shortLived++, baseDelayMs, maxDelayMs)) };
	}

	/**
	 * Until this write lands, the new refresh token lives only in memory. A failed write is
	 * reported, not fatal: the pair in memory still works and the next refresh writes again.
	 */
	async #save(refreshToken: string): Promise<void> {
		const { store } = this.#options;
		if (!store || !this.#loginId) return;
		try {
			await store.save({ loginId: this.#loginId, refreshToken });
		} catch (error) {
			this.#report(error);
		}
	}
	// #endregion keep

	// #region stop
	/**
	 * For a restart (a deploy's SIGTERM): stops refreshing and aborts a request in flight, and
	 * keeps the login in the store, so the next process carries on with it without the password.
	 */
	async stop(): Promise<void> {
		this.#stopped = true;
		clearTimeout(this.#timer);
		this.#abort.abort();
		this.#pair = undefined;
	}

	/**
	 * For retiring the service (or a store that cannot be trusted any more): stops, then revokes
	 * the login, every pair rotated from it, and clears the store, so no copy of any of its tokens
	 * outlives the process. The next start logs in with the password.
	 */
	async revoke(): Promise<void> {
		await this.stop();
		const loginId = this.#loginId ?? (await this.#options.store?.load())?.loginId;
		this.#loginId = undefined;
		await this.#options.store?.clear();
		if (loginId) await this.#revokeLogin(loginId);
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
	// #endregion stop
}
