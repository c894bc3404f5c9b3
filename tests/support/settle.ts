import type { SetupServer } from 'msw/node';

/**
 * Tracks the requests an MSW server is handling, so tests on fake timers can wait for real I/O
 * (crypto, streams) to finish without moving fake time.
 */
export function trackInFlight(server: SetupServer): {
	settle: () => Promise<void>;
	forget: () => void;
} {
	let inFlight = 0;
	server.events.on('request:start', () => {
		inFlight += 1;
	});
	server.events.on('request:end', () => {
		inFlight -= 1;
	});
	return {
		/** Forgets requests the client aborted (MSW reports no end for them); call between tests. */
		forget() {
			inFlight = 0;
		},
		/** Resolves once no request has been in flight for 20 consecutive event-loop turns. */
		async settle() {
			for (let idle = 0, turns = 0; idle < 20; turns += 1) {
				if (turns > 10_000) throw new Error(`requests still in flight: ${inFlight}`);
				await new Promise((resolve) => setImmediate(resolve));
				idle = inFlight === 0 ? idle + 1 : 0;
			}
		},
	};
}
