/**
 * A daemon that keeps a token pair fresh in the background: a timer set from each response when it
 * arrives, bounded retries with backoff on server and network errors, a fresh login when the
 * refresh token is refused, and revocation on the way out.
 *
 * @see /guides/long-running-services/
 */

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
	/** Told about every failed attempt; the daemon keeps going. */
	onError?: (error: unknown) => void;
}
// #endregion options

// #region defaults
interface Pair {
	accessToken: string;
	/** Gone once spent or refused: a refresh token is never sent twice on purpose. */
	refreshToken: string | undefined;
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
	readonly #options: Required<Omit<TokenDaemonOptions, 'onError'>> &
		Pick<TokenDaemonOptions, 'onError'>;
	#pair: Pair | undefined;
	/** The first pair of the current login: revoking it revokes every pair rotated from it. */
	#loginId: string | undefined;
	#timer: ReturnType<typeof setTimeout> | undefined;
	/** Aborts whatever request is in flight when the daemon stops. */
	#abort = new AbortController();
	#stopped = false;

	constructor(options: TokenDaemonOptions) {
		this.#options = { ...DAEMON_DEFAULTS, ...options };
	}
	// #endregion defaults

	// #region start
	/** Logs in and starts the refresh cycle. Rejects if the first login fails. */
	async start(): Promise<void> {
		this.#stopped = false;
		this.#abort = new AbortController();
		this.#schedule(await this.#login());
	}

	/**
	 * The newest access token: refreshed with the margin to spare while the API answers, and the
	 * last good one while it does not.
	 */
	get accessToken(): string {
		if (!this.#pair) throw new Error('TokenDaemon has no token: call start() first');
		return this.#pair.accessToken;
	}
	// #endregion start

	// #region schedule
	#schedule(delayMs: number): void {
		if (this.#stopped) return;
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => void this.#cycle(), delayMs);
		// A pending refresh must not keep an otherwise finished process alive.
		this.#timer.unref?.();
	}
	// #endregion schedule

	// #region cycle
	async #cycle(): Promise<void> {
		for (let attempt = 0; attempt < this.#options.maxAttempts; attempt += 1) {
			try {
				this.#schedule(await this.#refreshOrLogin());
				return;
			} catch (error) {
				if (this.#stopped) return;
				// 5xx, timeouts, network errors: the tokens may still be good, so keep them.
				this.#report(error);
				await sleep(backoff(attempt, this.#options.baseDelayMs, this.#options.maxDelayMs));
			}
		}
		// Out of attempts: try again later rather than die; the next success resets everything.
		this.#schedule(this.#options.maxDelayMs);
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
		const pair = this.#pair;
		if (!pair?.refreshToken) return this.#login();
		const response = await this.#fetch('/3rdparty/v1/auth/token/refresh', {
			method: 'POST',
			headers: { Authorization: `Bearer ${pair.refreshToken}` },
		});
		if (response.status === 401) {
			// Expired, revoked or spent elsewhere: this refresh token is finished. Log in again.
			pair.refreshToken = undefined;
			return this.#login();
		}
		if (!response.ok) throw new Error(`refresh failed: ${response.status}`);
		pair.refreshToken = undefined; // a 201 spent it, whatever the body turns out to hold
		return (await this.#keep(response)).delay;
	}

	async #login(): Promise<number> {
		const { username, password, scopes } = this.#options;
		const response = await this.#fetch('/3rdparty/v1/auth/token', {
			method: 'POST',
			headers: {
				Authorization: `Basic ${btoa(`${username}:${password}`)}`,
				'Content-Type': 'application/json',
			},
			body: JSON.stringify({ scopes }),
		});
		if (!response.ok) throw new Error(`login failed: ${response.status}`);
		const { id, delay } = await this.#keep(response);
		this.#loginId = id;
		return delay;
	}

	/** A request that gives up after a timeout, or at once when the daemon stops. */
	#fetch(path: string, init: RequestInit): Promise<Response> {
		const signal = AbortSignal.any([this.#abort.signal, AbortSignal.timeout(TIMEOUT_MS)]);
		return fetch(`${this.#options.baseUrl}${path}`, { ...init, signal });
	}
	// #endregion refresh-or-login

	// #region keep
	/** Stores a complete pair, or nothing, and returns its id and when to refresh it. */
	async #keep(response: Response): Promise<{ id: string; delay: number }> {
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
		this.#pair = { accessToken: access_token, refreshToken: refresh_token };
		// Lifetime by the server's own clock (its Date header), so a wrong local clock cannot
		// make the timer late; the margin is seconds, the timer milliseconds.
		const serverNow = Date.parse(response.headers.get('Date') ?? '') || Date.now();
		const lifetime = expiresAt - serverNow;
		return { id, delay: Math.max(lifetime - this.#options.marginSeconds * 1000, lifetime / 2, 0) };
	}
	// #endregion keep

	// #region stop
	/**
	 * Stops refreshing, aborts a request in flight and revokes the login: every pair rotated
	 * from it, so no copy of any of its tokens outlives the process.
	 */
	async stop(): Promise<void> {
		this.#stopped = true;
		clearTimeout(this.#timer);
		this.#abort.abort();
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
	// #endregion stop
}

// #region backoff
/**
 * Exponential backoff with "equal jitter": half of each step fixed, half random, which spreads a
 * fleet's retries instead of synchronising them.
 */
export function backoff(attempt: number, baseDelayMs: number, maxDelayMs: number): number {
	const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** attempt);
	return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
}

function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms).unref?.());
}
// #endregion backoff
