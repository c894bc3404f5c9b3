import { Clock } from '../../src/mock/clock/Clock.ts';

/** Where every test's time starts: a fixed instant, so expiry arithmetic in failures is readable. */
export const START = new Date('2026-03-14T01:45:00Z');

// Taken when this module loads, before any test fakes timers: a different `Date` later is a fake.
const WallDate = globalThis.Date;

/**
 * The mock's clock in tests: the test's time, never the wall clock. While the test fakes `Date`
 * (`useFakeDate`, `vi.useFakeTimers`), the mock follows the fake, so an example's own schedule and
 * the API move together; otherwise it stands still at `start` until the test moves it.
 */
export function testClock(start: number = START.getTime()): Clock {
	return new Clock(() => (globalThis.Date === WallDate ? start : Date.now()));
}

/**
 * A clock source like a wall clock late in its second on a busy machine: it starts at millisecond
 * `millisecond` of {@link START}'s second and moves on 10 ms at every read, so from millisecond 970
 * on a second ticks over within four reads. Code that reads the time twice where it means once is
 * caught by it.
 */
export function lateInSecond(millisecond: number): () => number {
	if (!Number.isInteger(millisecond) || millisecond < 0 || millisecond > 999) {
		throw new RangeError(`not a millisecond of a second: ${millisecond}`);
	}
	let reads = 0;
	return () => START.getTime() + millisecond + 10 * reads++;
}
