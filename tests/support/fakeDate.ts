import { afterEach, beforeEach, vi } from 'vitest';

/** A fixed start, so expiry arithmetic in failures is readable. */
export const START = new Date('2026-03-14T01:45:00Z');

/**
 * Fakes `Date` (only `Date`: MSW and fetch keep their real timers) from {@link START} for each
 * test. The mock's clock follows `Date.now()`, so client and server move together unless a test
 * skews the mock with `api.clock.advance`.
 */
export function useFakeDate(): void {
	beforeEach(() => {
		vi.useFakeTimers({ toFake: ['Date'], now: START });
	});
	afterEach(() => {
		vi.useRealTimers();
	});
}

/** Moves the faked `Date` forward. */
export function advance(seconds: number): void {
	vi.setSystemTime(Date.now() + seconds * 1000);
}
