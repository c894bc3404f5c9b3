/**
 * The retry rule every example follows: a network failure, a timeout, a 5xx, a 429 (after at least
 * its `Retry-After`) and a success whose body cannot be read are tried again, a bounded number of
 * times, with exponential backoff and jitter, never sooner than `MIN_DELAY_MS`. Any other answer
 * (a 401 on the Basic login above all) is an answer, not an accident: stop and report it.
 *
 * @see /guides/long-running-services/
 */
import { ApiError } from '../service-tokens/create-service-token.ts';

// #region credentials-rejected
/**
 * The API refused the account credentials (a 401 on Basic authentication). That is a
 * configuration error, not an outage: retrying sends a wrong password again and again, and the
 * API never locks the account, so nothing would stop it. Stop and tell a human.
 */
export class CredentialsRejected extends ApiError {
	constructor(status: number, body: ApiError['body']) {
		super(status, body);
		this.name = 'CredentialsRejected';
		this.message = `the API refused the account credentials (${status}): check the username and password`;
	}

	/** An `ApiError` for a refused Basic login, a `CredentialsRejected` for a 401. */
	static override async from(response: Response): Promise<ApiError> {
		const error = await ApiError.from(response);
		return error.status === 401 ? new CredentialsRejected(error.status, error.body) : error;
	}
}
// #endregion credentials-rejected

// #region is-transient
/**
 * Whether trying again later can help: the network, a timeout, the server's own trouble, a rate
 * limit, or a success whose body was cut short or replaced (a proxy's HTML page).
 */
export function isTransient(error: unknown): boolean {
	if (error instanceof ApiError) return error.status >= 500 || error.status === 429;
	// `fetch` rejects with a TypeError when the connection fails (and so does reading a body cut
	// mid-way), AbortSignal.timeout() with a TimeoutError, and `response.json()` with a SyntaxError
	// on a body that is not JSON. An AbortError means we cancelled the request ourselves.
	return (
		error instanceof TypeError ||
		error instanceof SyntaxError ||
		(error instanceof Error && error.name === 'TimeoutError')
	);
}
// #endregion is-transient

// #region with-retries
export interface RetryOptions {
	/** Attempts in all, the first included. */
	attempts?: number;
	/** Ceiling of the first retry's delay; doubles on each attempt, up to `maxDelayMs`. */
	baseDelayMs?: number;
	maxDelayMs?: number;
	/** Told about each failure that will be retried. */
	onRetry?: (error: unknown) => void;
	/** Stops waiting (and retrying) when aborted. */
	signal?: AbortSignal;
}

/** Runs `operation`, trying again on transient failures only; rethrows everything else at once. */
export async function withRetries<T>(
	operation: () => Promise<T>,
	options: RetryOptions = {}
): Promise<T> {
	const { attempts = 3, baseDelayMs = 1_000, maxDelayMs = 30_000, onRetry, signal } = options;
	for (let attempt = 1; ; attempt += 1) {
		try {
			return await operation();
		} catch (error) {
			if (attempt >= attempts || !isTransient(error) || signal?.aborted) throw error;
			onRetry?.(error);
			await sleep(retryDelay(error, attempt - 1, baseDelayMs, maxDelayMs), signal);
			signal?.throwIfAborted();
		}
	}
}

/**
 * The wait before retry number `attempt + 1`: the backoff, or the server's `Retry-After` if it
 * asked for longer (up to `maxDelayMs`), and never less than `MIN_DELAY_MS`.
 */
export function retryDelay(
	error: unknown,
	attempt: number,
	baseDelayMs: number,
	maxDelayMs: number
): number {
	const asked = error instanceof ApiError ? (error.retryAfterMs ?? 0) : 0;
	return atLeastFloor(
		Math.max(backoff(attempt, baseDelayMs, maxDelayMs), Math.min(asked, maxDelayMs))
	);
}
// #endregion with-retries

// #region backoff
/**
 * No computed wait is shorter than this: an `expires_at` already past, a missing `Date` header or
 * a clock running ahead can make a computed delay zero, and zero in a loop is a tight loop.
 */
export const MIN_DELAY_MS = 500;

/** `ms`, or `MIN_DELAY_MS` if that is longer (or `ms` is not a number). */
export function atLeastFloor(ms: number): number {
	return Number.isFinite(ms) && ms > MIN_DELAY_MS ? ms : MIN_DELAY_MS;
}

/**
 * Exponential backoff with "equal jitter": half of each step fixed, half random, which spreads a
 * fleet's retries instead of synchronising them.
 */
export function backoff(attempt: number, baseDelayMs: number, maxDelayMs: number): number {
	const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** attempt);
	return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
}

/**
 * Waits `ms`, or less if `signal` aborts. The timer keeps the process alive: a job with nothing
 * else to do (a cron run, a worker's start-up) must still be there to retry.
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
	return new Promise((resolve) => {
		const timer = setTimeout(done, ms);
		signal?.addEventListener('abort', done, { once: true });
		function done() {
			clearTimeout(timer);
			signal?.removeEventListener('abort', done);
			resolve();
		}
	});
}
// #endregion backoff
