import type { HttpHandler } from 'msw';
import { setupWorker, type SetupWorker } from 'msw/browser';

/** Where the page finds `mockServiceWorker.js` (copied into `public/` by `npm run msw:init`). */
export interface BrowserTransportOptions {
	/** URL of the worker script, including the site's base path. */
	workerUrl: string;
	/** Registration scope; the pages whose requests the worker may see. */
	scope: string;
}

/** A mock served to this page's `fetch` through MSW's service worker. */
export interface BrowserTransport {
	worker: SetupWorker;
	/** Registers the worker (once) and resolves when this page's requests reach the mock. */
	start: () => Promise<void>;
	stop: () => Promise<void>;
}

/**
 * Serves a mock to the page it runs in. The handlers resolve in the page, so the mock's state
 * lives in this tab (a `SharedMock`'s handlers share it with the other tabs); the worker only
 * relays requests. Anything the handlers do not answer (the site's own pages and assets) goes to
 * the network untouched and unlogged.
 */
export function createBrowserTransport(
	mock: { handlers: readonly HttpHandler[] },
	options: BrowserTransportOptions
): BrowserTransport {
	const worker = setupWorker(...mock.handlers);
	let started: Promise<void> | undefined;
	return {
		worker,
		start() {
			started ??= worker
				.start({
					serviceWorker: { url: options.workerUrl, options: { scope: options.scope } },
					onUnhandledFrame: 'bypass',
					quiet: true,
				})
				.then(() => undefined)
				.catch((error: unknown) => {
					// Let a later click try again (e.g. after the reader allowed service workers).
					started = undefined;
					throw error;
				});
			return started;
		},
		async stop() {
			if (!started) return;
			started = undefined;
			await worker.stop();
		},
	};
}
