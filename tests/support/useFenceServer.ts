import { afterAll, beforeAll } from 'vitest';
import { createMockApi } from '../../src/mock/createMockApi.ts';
import {
	startHttpServer,
	type RunningHttpServer,
} from '../../src/mock/transports/http/startHttpServer.ts';
import type { FenceServer } from '../../src/verify/samples/checkCurlFence.ts';
import { testClock } from './testClock.ts';

/**
 * The mock over real HTTP for the calling test file, on the test's clock, as the cURL fences of
 * the pages and the reference run against it; its `url` is set once it listens, and `exchanges`
 * collects every exchange it answers.
 */
export function useFenceServer(): FenceServer {
	const fenceServer: FenceServer = {
		url: '',
		api: createMockApi({ clock: testClock() }),
		exchanges: [],
	};
	let server: RunningHttpServer;
	beforeAll(async () => {
		server = await startHttpServer({
			api: fenceServer.api,
			port: 0,
			onExchange: (exchange) => fenceServer.exchanges.push(exchange),
		});
		fenceServer.url = server.url;
	});
	afterAll(() => server.close());
	return fenceServer;
}
