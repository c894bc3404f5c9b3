/**
 * The mock's sense of time.
 *
 * By default it follows `Date.now()` plus an offset that tests, the in-page clock controls and
 * `POST /__mock/clock` can push forward. Tests give it a source they control (`useMockApi` does).
 * A request reads it once, through {@link Clock.instant}, so everything one answer states (`iat`,
 * expiry checks, cookie `Max-Age`, the `Date` header) is about the same millisecond.
 */
export class Clock {
	#offsetMs = 0;
	readonly #source: () => number;

	constructor(source: () => number = () => Date.now()) {
		this.#source = source;
	}

	/** Milliseconds since the epoch, like `Date.now()`. */
	now(): number {
		return this.#source() + this.#offsetMs;
	}

	/** Seconds since the epoch, as JWT NumericDate claims count them. */
	nowSeconds(): number {
		return Math.floor(this.now() / 1000);
	}

	/** Moves time forward by a number of seconds. */
	advance(seconds: number): void {
		if (!Number.isFinite(seconds) || seconds < 0) {
			throw new RangeError(`cannot advance the clock by ${seconds} seconds`);
		}
		this.#offsetMs += seconds * 1000;
	}

	/** How far this clock has been moved ahead of its source, in seconds. */
	get offsetSeconds(): number {
		return this.#offsetMs / 1000;
	}

	/**
	 * Puts the clock exactly `seconds` ahead of its source, as a restored snapshot of another
	 * instance (another tab's mock) says it is.
	 */
	setOffsetSeconds(seconds: number): void {
		if (!Number.isFinite(seconds) || seconds < 0) {
			throw new RangeError(`not a clock offset: ${seconds} seconds`);
		}
		this.#offsetMs = seconds * 1000;
	}

	/**
	 * This clock stopped at its current reading: what one request runs on, so a second that ticks
	 * over while it is being answered cannot make its claims, checks and headers disagree.
	 */
	instant(): Clock {
		const now = this.now();
		return new Clock(() => now);
	}

	/** Undoes every `advance`. */
	reset(): void {
		this.#offsetMs = 0;
	}
}
