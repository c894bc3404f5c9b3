import type { HttpHandler } from 'msw';
import { setupServer } from 'msw/node';
import { faultHandler } from '../faults/faultHandler.ts';

/**
 * Serves a mock (a `MockApi` or a `SharedMock`) to this Node process's `fetch`, for tests, with
 * the faults a test arms (`faultsOf(mock).arm(…)`) played first.
 */
export function createNodeTransport(mock: { handlers: readonly HttpHandler[] }) {
	return setupServer(faultHandler(mock), ...mock.handlers);
}
