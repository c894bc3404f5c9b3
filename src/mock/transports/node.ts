import type { HttpHandler } from 'msw';
import { setupServer } from 'msw/node';

/** Serves a mock (a `MockApi` or a `SharedMock`) to this Node process's `fetch`, for tests. */
export function createNodeTransport(mock: { handlers: readonly HttpHandler[] }) {
	return setupServer(...mock.handlers);
}
