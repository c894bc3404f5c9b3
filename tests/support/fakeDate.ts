import { afterEach, beforeEach, vi } from 'vitest';
import { START } from './testClock.ts';

export { START };

/**
 * Fakes `Date` (only `Date`: MSW and fetch keep their real timers) from {@link START} for each
 * test. `useMockApi`'s clock follows the faked `Date`, so client and server move together unless a
 * test skews the mock with `api.clock.advance`.
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
