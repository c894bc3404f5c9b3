import { afterAll, afterEach, beforeAll } from 'vitest';
import { createMockApi, type MockApi, type MockApiOptions } from '../../src/mock/createMockApi.ts';
import { createNodeTransport } from '../../src/mock/transports/node.ts';

/** Where tests point the examples; any origin works, the handlers match every one. */
export const BASE_URL = 'https://api.token-pair.test';

/** The demo account's Basic credentials. */
export const DEMO = { username: 'demo', password: 'demo-password' } as const;

/**
 * Starts a fresh mock for the calling test file and intercepts `fetch` with it. After each test
 * the mock forgets its tokens and its settings go back to `options`; unhandled requests fail.
 */
export function useMockApi(options: MockApiOptions = {}): MockApi {
	const api = createMockApi(options);
	const initial = { ...api.settings };
	const server = createNodeTransport(api);
	beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
	afterEach(() => {
		api.reset();
		Object.assign(api.settings, initial);
	});
	afterAll(() => server.close());
	return api;
}
