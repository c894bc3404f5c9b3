/**
 * Renew a service token at 80% of its lifetime and hand the new one to the running service, while
 * the old one stays valid until its own expiry: no request ever goes out without a valid token.
 *
 * @see /guides/service-tokens/
 */
import {
	atLeastFloor,
	backoff,
	CredentialsRejected,
	isTransient,
	retryDelay,
} from '../long-running/with-retries.ts';
import { ApiError, basicAuth, type ServiceToken } from './create-service-token.ts';

// #region options
export interface RenewalJobOptions {
	baseUrl: string;
	username: string;
	password: string;
	/** Lifetime to ask for on each renewal, in seconds; reduced to the cap if the API says so. */
	ttlSeconds: number;
	/** Hands the new token to the service. The old token keeps working until it expires. */
	onRenewed: (token: ServiceToken) => void | Promise<void>;
	/**
	 * Told about every failure. The job stops on those that need a human: refused credentials
	 * (`CredentialsRejected`), lost scopes (403), a token gone (404), a legacy token (400).
	 */
	onError?: (error: unknown) => void;
}
// #endregion options

// #region state
/** setTimeout cannot wait longer than 2^31 - 1 ms (24.8 days); longer waits fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;
/**
 * After a 5xx, a 429, a network error, an unreadable answer or a failed hand-off, try again within
 * a minute (at least what `Retry-After` asks), then longer.
 */
export const RETRY_MS = 60_000;
export const MAX_RETRY_MS = 3_600_000;
/** Renew when this share of the token's lifetime has passed. */
export const RENEW_AT_SHARE = 0.8;
export const TIMEOUT_MS = 10_000;

export class RenewalJob {
	readonly #options: RenewalJobOptions;
	/** The token the service uses now. */
	#current: ServiceToken;
	/** A renewed token the service has not taken yet (its hand-off failed). */
	#unhanded: ServiceToken | undefined;
	/** `Date.now()` at which to renew: 80% into the current token's lifetime. */
	#renewAt: number;
	/** The lifetime renewals ask for: the option, or the cap once the API has named it. */
	#ttlSeconds: number;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#stopped = true;
	/** Failures in a row, for the backoff. */
	#failures = 0;
	/** Renewals in a row whose token came back with (almost) no life left, for the backoff. */
	#shortLived = 0;
	/**
	 * A renewal failed after the request went out (answer lost or unreadable): the server may
	 * have minted a token nobody holds. The next renewal that succeeds looks for it and revokes it.
	 */
	#mayHaveMinted = false;

	constructor(options: RenewalJobOptions, current: ServiceToken) {
		this.#options = options;
		this.#current = current;
		this.#ttlSeconds = options.ttlSeconds;
		// A token this job did not renew itself: assume it was minted with `ttlSeconds`.
		this.#renewAt =
			Date.parse(current.expires_at) - (1 - RENEW_AT_SHARE) * options.ttlSeconds * 1000;
	}
	// #endregion state

	/** The token the service should use now. */
	get current(): ServiceToken {
		return this.#current;
	}

	// #region schedule
	/** Starts waiting for the renewal time. The timer does not keep the process alive. */
	start(): void {
		this.#stopped = false;
		this.#wakeAt(this.#renewAt);
	}

	/** Stops renewing; the current token keeps working until it expires. */
	stop(): void {
		this.#stopped = true;
		clearTimeout(this.#timer);
	}

	#wakeAt(time: number): void {
		if (this.#stopped) return;
		clearTimeout(this.#timer);
		const delay = atLeastFloor(time - Date.now());
		// Wait in chunks: one setTimeout of 30 days would fire immediately.
		this.#timer =
			delay > MAX_TIMER_MS
				? setTimeout(() => this.#wakeAt(time), MAX_TIMER_MS)
				: setTimeout(() => void this.renewNow().catch(() => {}), delay);
		this.#timer.unref?.();
	}
	// #endregion schedule

	// #region renew
	/** Renews now: same name and scopes, new id; the old token keeps working until it expires. */
	async renewNow(): Promise<ServiceToken> {
		let renewed = this.#unhanded;
		if (!renewed) {
			try {
				renewed = this.#unhanded = await this.#renew(this.#ttlSeconds);
			} catch (error) {
				this.#options.onError?.(error);
				if (isTransient(error)) {
					// An ApiError is an answer: nothing was minted. Anything else may have minted one.
					if (!(error instanceof ApiError)) this.#mayHaveMinted = true;
					this.#retryLater(error); // the old token still works
				} else {
					this.stop(); // wrong credentials, scopes lost, token gone, legacy: retrying cannot help
				}
				throw error;
			}
		}
		try {
			await this.#options.onRenewed(renewed);
		} catch (error) {
			// Retry handing over this token, not renewing again: every renewal mints a credential.
			this.#options.onError?.(error);
			this.#retryLater(error);
			throw error;
		}
		if (this.#mayHaveMinted) {
			await this.#revokeLost(renewed).catch((error: unknown) => this.#options.onError?.(error));
		}
		this.#unhanded = undefined;
		this.#failures = 0;
		this.#current = renewed;
		if (!this.#stopped) this.start();
		return renewed;
	}

	#retryLater(error: unknown): void {
		this.#wakeAt(Date.now() + retryDelay(error, this.#failures++, RETRY_MS, MAX_RETRY_MS));
	}

	/**
	 * Revokes the tokens a lost renewal minted: renewed from the same token as `kept`, but not
	 * `kept`. By lineage (`renewed_from`), never by name: a person's token of that name is not ours.
	 */
	async #revokeLost(kept: ServiceToken): Promise<void> {
		const listed = (await (await this.#request('GET', '/3rdparty/v1/service-tokens')).json()) as {
			id: string;
			renewed_from: string | null;
		}[];
		const from = listed.find((token) => token.id === kept.id)?.renewed_from;
		for (const lost of listed.filter((t) => t.renewed_from === from && t.id !== kept.id)) {
			const response = await this.#request('DELETE', `/3rdparty/v1/auth/token/${lost.id}`);
			if (!response.ok) throw await ApiError.from(response);
		}
		this.#mayHaveMinted = false;
	}

	#request(method: string, path: string, body?: unknown): Promise<Response> {
		const { baseUrl, username, password } = this.#options;
		return fetch(`${baseUrl}${path}`, {
			method,
			headers: {
				Authorization: basicAuth(username, password),
				...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
			},
			...(body === undefined ? {} : { body: JSON.stringify(body) }),
			signal: AbortSignal.timeout(TIMEOUT_MS),
		});
	}

	async #renew(ttl: number): Promise<ServiceToken> {
		const response = await this.#request(
			'POST',
			`/3rdparty/v1/service-tokens/${this.#current.id}/renew`,
			{ ttl }
		);
		if (response.ok) {
			const renewed = (await response.json()) as ServiceToken;
			// 80% of the lifetime by the server's clock (expires_at minus its Date), from now.
			const serverNow = Date.parse(response.headers.get('Date') ?? '') || Date.now();
			const delay = RENEW_AT_SHARE * (Date.parse(renewed.expires_at) - serverNow);
			// A token that came back (nearly) expired, or a clock far ahead without a Date header:
			// back off rather than mint a new credential in a loop.
			const short = !(delay >= RETRY_MS);
			this.#renewAt =
				Date.now() + (short ? backoff(this.#shortLived++, RETRY_MS, MAX_RETRY_MS) : delay);
			if (!short) this.#shortLived = 0;
			return renewed;
		}
		const error = await CredentialsRejected.from(response); // a 401: the Basic credentials
		const maxTtl = error.body.data?.['max_ttl'];
		// Asked for more than the scopes allow: take the cap the API names, once.
		if (error.status === 400 && typeof maxTtl === 'number' && maxTtl < ttl) {
			this.#ttlSeconds = maxTtl;
			return this.#renew(maxTtl);
		}
		throw error;
	}
	// #endregion renew
}
