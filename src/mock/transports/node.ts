import { setupServer } from 'msw/node';
import type { MockApi } from '../createMockApi.ts';

/** Serves a mock to this Node process's `fetch`, for tests. */
export function createNodeTransport(api: MockApi) {
	return setupServer(...api.handlers);
}
