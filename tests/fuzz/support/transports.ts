import { afterAll, beforeAll } from 'vitest';
import { createMockApi, type MockApi } from '../../../src/mock/createMockApi.ts';
import { startHttpServer } from '../../../src/mock/transports/http/startHttpServer.ts';
import { createNodeTransport } from '../../../src/mock/transports/node.ts';
import { testClock } from '../../support/testClock.ts';

/** A request as the wire carries it: bodies are raw text or bytes, headers exactly as given. */
export interface WireRequest {
	method: string;
	path: string;
	headers?: Record<string, string>;
	body?: string | Uint8Array<ArrayBuffer>;
}

/** What came back. `json` is `undefined` when the body is empty or not JSON. */
export interface WireResponse {
	status: number;
	headers: Headers;
	text: string;
	json: unknown;
}

/** The ways a request can reach the mock's handlers. */
export type TransportName = 'msw/node' | 'http';

/** A mock reachable through one transport, for the duration of the calling `describe`. */
export interface Transport {
	name: TransportName;
	api: MockApi;
	send: (request: WireRequest) => Promise<WireResponse>;
}

/** Both transports: the catalogue and the properties run over each. */
export const TRANSPORT_NAMES: readonly TransportName[] = ['msw/node', 'http'];

/**
 * Starts a fresh mock behind a transport for the calling `describe` block: `msw/node` intercepts
 * `fetch` (as the examples' tests do); `http` is the real server of `npm run mock-api` on port 0.
 * Only one is active at a time, so the interception never swallows the HTTP transport's requests.
 */
export function useTransport(name: TransportName): Transport {
	const api = createMockApi({ clock: testClock() });
	let base = 'https://api.token-pair.test';
	let stop: () => Promise<void> | void = () => {};
	beforeAll(async () => {
		if (name === 'msw/node') {
			const server = createNodeTransport(api);
			server.listen({ onUnhandledFrame: 'error' });
			stop = () => server.close();
		} else {
			const server = await startHttpServer({ api, port: 0 });
			base = server.url;
			stop = server.close;
		}
	});
	afterAll(() => stop());
	return {
		name,
		api,
		send: async ({ method, path, headers = {}, body }) => {
			const response = await fetch(`${base}${path}`, {
				method,
				headers,
				...(body === undefined ? {} : { body }),
			});
			return readWireResponse(response);
		},
	};
}

/** Reads a response whole; `json` is `undefined` when the body is empty or not JSON. */
export async function readWireResponse(response: Response): Promise<WireResponse> {
	const text = await response.text();
	let json: unknown;
	try {
		json = text === '' ? undefined : JSON.parse(text);
	} catch {
		json = undefined;
	}
	return { status: response.status, headers: response.headers, text, json };
}
