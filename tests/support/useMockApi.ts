import type { SetupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { createMockApi, type MockApi, type MockApiOptions } from '../../src/mock/createMockApi.ts';
import { type Faults, faultsOf } from '../../src/mock/faults/Faults.ts';
import { createNodeTransport } from '../../src/mock/transports/node.ts';
import type { Exchange } from '../../src/mock/log/ExchangeLog.ts';
import { openApiDocument } from '../../src/site/openapi/openApiDocument.ts';
import { ExchangeValidator } from '../../src/verify/openapi/ExchangeValidator.ts';
import { testClock } from './testClock.ts';

/** Every exchange a test makes with the mock is checked against the published OpenAPI document. */
const openApi = new ExchangeValidator(openApiDocument());

/** Where tests point the examples; any origin works, the handlers match every one. */
export const BASE_URL = 'https://api.token-pair.test';

/** The demo account's Basic credentials. */
export const DEMO = { username: 'demo', password: 'demo-password' } as const;

/**
 * Starts a fresh mock for the calling test file and intercepts `fetch` with it. Its clock is the
 * test's ({@link testClock}): frozen at `START`, or following `Date` while the test fakes it; pass
 * `clock` for another. After each test
 * the mock forgets its tokens, its settings go back to `options` and per-test overrides
 * (`server.use`) and armed faults (`faults.arm`, see `src/mock/faults/`) are dropped; unhandled requests fail the test, and so does an exchange that
 * departs from the OpenAPI document (`src/site/openapi/`).
 */
export function useMockApi(
	options: MockApiOptions = {}
): MockApi & { server: SetupServer; faults: Faults } {
	const api = createMockApi({ clock: testClock(), ...options });
	const initial = { ...api.settings };
	const server = createNodeTransport(api);
	const exchanges: Exchange[] = [];
	api.log.subscribe((exchange) => exchanges.push(exchange));
	beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
	afterEach(() => {
		expect(exchanges.splice(0).flatMap((exchange) => openApi.check(exchange))).toEqual([]);
	});
	afterEach(() => {
		api.reset();
		Object.assign(api.settings, initial);
	});
	afterEach(() => server.resetHandlers());
	afterEach(() => faultsOf(api).clear());
	afterAll(() => server.close());
	return Object.assign(api, { server, faults: faultsOf(api) });
}
