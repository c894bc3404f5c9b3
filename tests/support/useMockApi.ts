import type { SetupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createMockApi, type MockApi, type MockApiOptions } from '../../src/mock/createMockApi.ts';
import { createNodeTransport } from '../../src/mock/transports/node.ts';
import { testClock } from './testClock.ts';

/** Where tests point the examples; any origin works, the handlers match every one. */
export const BASE_URL = 'https://api.token-pair.test';

/** The demo account's Basic credentials. */
export const DEMO = { username: 'demo', password: 'demo-password' } as const;

/**
 * Starts a fresh mock for the calling test file and intercepts `fetch` with it. Its clock is the
 * test's ({@link testClock}): frozen at `START`, or following `Date` while the test fakes it; pass
 * `clock` for another. After each test
 * the mock forgets its tokens, its settings go back to `options` and per-test overrides
 * (`server.use`) are dropped; unhandled requests fail the test.
 */
export function useMockApi(options: MockApiOptions = {}): MockApi & { server: SetupServer } {
	const api = createMockApi({ clock: testClock(), ...options });
	const initial = { ...api.settings };
	const server = createNodeTransport(api);
	beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
	afterEach(() => {
		api.reset();
		Object.assign(api.settings, initial);
	});
	afterEach(() => server.resetHandlers());
	afterAll(() => server.close());
	return Object.assign(api, { server });
}
