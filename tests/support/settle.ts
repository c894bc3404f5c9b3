import { afterAll, beforeAll } from 'vitest';

/**
 * Tracks the `fetch` calls the code under test makes, so tests on fake timers can wait for real
 * I/O (crypto, streams) to finish without moving fake time. A call counts from the moment it is
 * made, so a request a timer callback has just started is never missed; call this after
 * `useMockApi()`, whose `fetch` interception it wraps.
 */
export function trackInFlight(): { settle: () => Promise<void> } {
	let inFlight = 0;
	let wake: (() => void) | undefined;
	const done = () => {
		inFlight -= 1;
		if (inFlight === 0) wake?.();
	};
	let intercepted: typeof fetch | undefined;
	beforeAll(() => {
		const inner = (intercepted = globalThis.fetch);
		globalThis.fetch = (...args: Parameters<typeof fetch>) => {
			inFlight += 1;
			const response = inner(...args);
			response.then(done, done);
			return response;
		};
	});
	afterAll(() => {
		if (intercepted) globalThis.fetch = intercepted;
	});
	return {
		/**
		 * Resolves once no request is in flight and none has started for 20 event-loop turns (what
		 * a caller needs to read a body and set its next timer). Waits for the requests themselves
		 * however long they take: the test's timeout bounds it, not a count of turns.
		 */
		async settle() {
			for (let quiet = 0; quiet < 20;) {
				if (inFlight > 0) {
					await new Promise<void>((resolve) => (wake = resolve));
					quiet = 0;
					continue;
				}
				await new Promise((resolve) => setImmediate(resolve));
				quiet = inFlight === 0 ? quiet + 1 : 0;
			}
		},
	};
}
