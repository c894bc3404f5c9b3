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

interface Pair {
	id: string;
	accessToken: string;
	refreshToken: string;
}

export class TokenDaemon {
	readonly #options: Required<Omit<TokenDaemonOptions, 'onError'>> &
		Pick<TokenDaemonOptions, 'onError'>;
	#pair: Pair | undefined;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#stopped = false;

	constructor(options: TokenDaemonOptions) {
		this.#options = {
			marginSeconds: 60,
			maxAttempts: 5,
			baseDelayMs: 1_000,
			maxDelayMs: 60_000,
			...options,
		};
	}

	// #region start
	/** Logs in and starts the refresh cycle. Rejects if the first login fails. */
	async start(): Promise<void> {
		this.#stopped = false;
		this.#schedule(await this.#login());
	}

	/** The current access token; the daemon keeps it valid. */
	get accessToken(): string {
		if (!this.#pair) throw new Error('TokenDaemon is not started');
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
		for (let attempt = 0; attempt < this.#options.maxAttempts && !this.#stopped; attempt += 1) {
			try {
				this.#schedule(await this.#refreshOrLogin());
				return;
			} catch (error) {
				// 5xx, timeouts, network errors: the tokens may still be good, so keep them.
				this.#options.onError?.(error);
				await sleep(backoff(attempt, this.#options.baseDelayMs, this.#options.maxDelayMs));
			}
		}
		// Out of attempts: try again later rather than die; the next success resets everything.
		this.#schedule(this.#options.maxDelayMs);
	}
	// #endregion cycle

	// #region refresh-or-login
	/** Returns the delay until the next refresh. */
	async #refreshOrLogin(): Promise<number> {
		const refreshToken = this.#pair?.refreshToken;
		if (!refreshToken) return this.#login();
		const response = await fetch(`${this.#options.baseUrl}/3rdparty/v1/auth/token/refresh`, {
			method: 'POST',
			headers: { Authorization: `Bearer ${refreshToken}` },
			signal: AbortSignal.timeout(10_000),
		});
		if (response.status === 401) {
			// Expired, revoked or spent: this refresh token is finished. Log in again.
			this.#pair = undefined;
			return this.#login();
		}
		if (!response.ok) throw new Error(`refresh failed: ${response.status}`);
		return this.#keep(response);
	}

	async #login(): Promise<number> {
		const { baseUrl, username, password, scopes } = this.#options;
		const response = await fetch(`${baseUrl}/3rdparty/v1/auth/token`, {
			method: 'POST',
			headers: {
				Authorization: `Basic ${btoa(`${username}:${password}`)}`,
				'Content-Type': 'application/json',
			},
			body: JSON.stringify({ scopes }),
			signal: AbortSignal.timeout(10_000),
		});
		if (!response.ok) throw new Error(`login failed: ${response.status}`);
		return this.#keep(response);
	}
	// #endregion refresh-or-login

	// #region keep
	/** Stores a complete pair, or nothing, and returns when to refresh it. */
	async #keep(response: Response): Promise<number> {
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
		this.#pair = { id, accessToken: access_token, refreshToken: refresh_token };
		// Lifetime by the server's own clock (its Date header), so a wrong local clock cannot
		// make the timer late; the margin is seconds, the timer milliseconds.
		const serverNow = Date.parse(response.headers.get('Date') ?? '') || Date.now();
		const lifetime = expiresAt - serverNow;
		return Math.max(lifetime - this.#options.marginSeconds * 1000, lifetime / 2, 0);
	}
	// #endregion keep

	// #region stop
	/** Stops refreshing and revokes the current pair, so no copy outlives the process. */
	async stop(): Promise<void> {
		this.#stopped = true;
		clearTimeout(this.#timer);
		const pair = this.#pair;
		this.#pair = undefined;
		if (!pair) return;
		const { baseUrl, username, password } = this.#options;
		const response = await fetch(`${baseUrl}/3rdparty/v1/auth/token/${pair.id}`, {
			method: 'DELETE',
			headers: { Authorization: `Basic ${btoa(`${username}:${password}`)}` },
		});
		if (!response.ok) throw new Error(`revoking failed: ${response.status}`);
	}
	// #endregion stop
}

// #region backoff
/** Exponential backoff with full jitter: spreads a fleet's retries instead of synchronising them. */
export function backoff(attempt: number, baseDelayMs: number, maxDelayMs: number): number {
	const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** attempt);
	return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
}

function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}
// #endregion backoff
