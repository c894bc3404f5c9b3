/**
 * Renew a service token at 80% of its lifetime and hand the new one to the running service, while
 * the old one stays valid until its own expiry: no request ever goes out without a valid token.
 *
 * @see /guides/service-tokens/
 */
import { ApiError, type ServiceToken } from './create-service-token.ts';

// #region options
export interface RenewalJobOptions {
	baseUrl: string;
	username: string;
	password: string;
	/** Lifetime to ask for on each renewal, in seconds; reduced to the cap if the API says so. */
	ttlSeconds: number;
	/** Hands the new token to the service. The old token keeps working until it expires. */
	onRenewed: (token: ServiceToken) => void | Promise<void>;
	/** Told about every failure; the job stops on those that need a human (403, 404, legacy 400). */
	onError?: (error: unknown) => void;
}
// #endregion options

/** setTimeout cannot wait longer than 2^31 - 1 ms (24.8 days); longer waits fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;
const RETRY_MS = 60_000;

export class RenewalJob {
	readonly #options: RenewalJobOptions;
	#current: ServiceToken;
	/** The lifetime renewals ask for: the option, or the cap once the API has named it. */
	#ttlSeconds: number;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#stopped = true;

	constructor(options: RenewalJobOptions, current: ServiceToken) {
		this.#options = options;
		this.#current = current;
		this.#ttlSeconds = options.ttlSeconds;
	}

	/** The token the service should use now. */
	get current(): ServiceToken {
		return this.#current;
	}

	// #region schedule
	/** Renews when 20% of the lifetime is left, i.e. after 80% of it. */
	start(): void {
		this.#stopped = false;
		const renewAt = Date.parse(this.#current.expires_at) - 0.2 * this.#ttlSeconds * 1000;
		this.#wakeAt(renewAt);
	}

	#wakeAt(time: number): void {
		if (this.#stopped) return;
		clearTimeout(this.#timer);
		const delay = Math.max(time - Date.now(), 0);
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
		try {
			const renewed = await this.#renew(this.#ttlSeconds);
			this.#current = renewed;
			await this.#options.onRenewed(renewed);
			this.start();
			return renewed;
		} catch (error) {
			this.#options.onError?.(error);
			if (error instanceof ApiError && [400, 403, 404].includes(error.status)) {
				this.stop(); // scopes lost, token gone, or legacy: retrying cannot help
			} else {
				this.#wakeAt(Date.now() + RETRY_MS); // 5xx or network: the old token is still valid
			}
			throw error;
		}
	}

	async #renew(ttl: number): Promise<ServiceToken> {
		const { baseUrl, username, password } = this.#options;
		const response = await fetch(
			`${baseUrl}/3rdparty/v1/service-tokens/${this.#current.id}/renew`,
			{
				method: 'POST',
				headers: {
					Authorization: `Basic ${btoa(`${username}:${password}`)}`,
					'Content-Type': 'application/json',
				},
				body: JSON.stringify({ ttl }),
			}
		);
		if (response.ok) return (await response.json()) as ServiceToken;
		const error = await ApiError.from(response);
		const maxTtl = error.body.data?.['max_ttl'];
		// Asked for more than the scopes allow: take the cap the API names, once.
		if (error.status === 400 && typeof maxTtl === 'number' && maxTtl < ttl) {
			this.#ttlSeconds = maxTtl;
			return this.#renew(maxTtl);
		}
		throw error;
	}
	// #endregion renew

	/** Stops renewing; the current token keeps working until it expires. */
	stop(): void {
		this.#stopped = true;
		clearTimeout(this.#timer);
	}
}
