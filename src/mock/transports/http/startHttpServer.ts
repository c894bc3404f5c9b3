import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MockApi } from '../../createMockApi.ts';
import { HEADERS_TIMEOUT_SECONDS, MAX_BODY_BYTES, MAX_HEADER_BYTES } from '../../contract/http.ts';
import { answerClientError } from './answerClientError.ts';
import { answerRequest, type BridgeContext } from './answerRequest.ts';
import { createControlHandlers } from './createControlHandlers.ts';
import { CORS_HEADERS } from './cors.ts';
import { writeFetchResponse } from './writeFetchResponse.ts';

/** How long the server waits on slow clients, in milliseconds. */
export interface HttpTimeouts {
	/** To receive a request's headers (slowloris). */
	headers: number;
	/** To receive a whole request. */
	request: number;
	/** An idle keep-alive connection stays open. */
	keepAlive: number;
	/** How often Node checks the two above; the effective timeout can be this much later. */
	check: number;
	/** After `close()`, requests in flight get this long before their connections are cut. */
	shutdownGrace: number;
}

/** Defaults for a local tool: generous for a human with curl, short for a stuck socket. */
export const DEFAULT_TIMEOUTS: HttpTimeouts = {
	headers: HEADERS_TIMEOUT_SECONDS * 1000,
	request: 30_000,
	keepAlive: 5_000,
	check: 1_000,
	shutdownGrace: 3_000,
};

/** One request the server answered, for callers that watch traffic (the page-sample tests). */
export interface HttpExchange {
	method: string;
	path: string;
	status: number;
}

/** Options of {@link startHttpServer}. */
export interface HttpServerOptions {
	api: MockApi;
	/** 0 picks a free port. */
	port: number;
	/** Loopback by default: the mock has no business on the network. */
	host?: string;
	timeouts?: Partial<HttpTimeouts>;
	/** Largest request body accepted; larger is 413 before the handlers see it. */
	maxBodyBytes?: number;
	onExchange?: (exchange: HttpExchange) => void;
}

/** A listening server. */
export interface RunningHttpServer {
	/** `http://127.0.0.1:<port>`, no trailing slash. */
	url: string;
	port: number;
	/** Stops accepting, lets requests in flight finish (within the grace period), then resolves. */
	close: () => Promise<void>;
}

/**
 * Serves a mock's MSW handlers (`api.handlers`, unchanged) over real HTTP, plus the mock-only
 * `/__mock/*` controls and CORS. Each Node request becomes a Fetch `Request` answered by MSW's
 * `getResponse`, so every endpoint behaves exactly as it does under `msw/node` and in the browser.
 */
export async function startHttpServer(options: HttpServerOptions): Promise<RunningHttpServer> {
	const { api, port, host = '127.0.0.1', onExchange } = options;
	const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
	const server = createServer({
		headersTimeout: timeouts.headers,
		requestTimeout: timeouts.request,
		keepAliveTimeout: timeouts.keepAlive,
		connectionsCheckingInterval: timeouts.check,
		maxHeaderSize: MAX_HEADER_BYTES,
	});
	const ctx: BridgeContext = {
		handlers: [...createControlHandlers(api), ...api.handlers],
		origin: '',
		maxBodyBytes: options.maxBodyBytes ?? MAX_BODY_BYTES,
	};

	let closing: Promise<void> | undefined;
	const serve = async (request: IncomingMessage, response: ServerResponse) => {
		// The mock's clock dates its responses; Node's wall-clock `Date` would contradict it.
		response.sendDate = false;
		response.on('error', () => {});
		request.on('error', () => {});
		const answer = await answerRequest(request, ctx);
		if (answer.kind === 'aborted') return;
		const extraHeaders: Record<string, string> = { ...CORS_HEADERS };
		if (!answer.response.headers.has('Date')) {
			extraHeaders['Date'] = new Date(api.clock.now()).toUTCString();
		}
		// Once closing, no connection is kept alive for another request.
		if (closing !== undefined) extraHeaders['Connection'] = 'close';
		if (answer.close) {
			extraHeaders['Connection'] = 'close';
			// Discard what the client is still sending, so it reads the 413 rather than a reset.
			request.resume();
		}
		try {
			await writeFetchResponse(response, answer.response, {
				head: request.method === 'HEAD',
				extraHeaders,
			});
		} catch (error) {
			console.error(
				`[mock-api] could not write the response to ${request.url?.split('?')[0]}`,
				error
			);
			response.destroy();
			return;
		}
		onExchange?.({
			method: request.method ?? '',
			path: request.url ?? '',
			status: answer.response.status,
		});
	};

	server.on('request', (request: IncomingMessage, response: ServerResponse) => {
		void serve(request, response);
	});
	// `Expect: 100-continue`: invite the body only if it may fit, else answer 413 straight away.
	server.on('checkContinue', (request: IncomingMessage, response: ServerResponse) => {
		if (!(Number(request.headers['content-length']) > ctx.maxBodyBytes)) response.writeContinue();
		void serve(request, response);
	});
	server.on('clientError', answerClientError);

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => {
			server.off('error', reject);
			resolve();
		});
	});
	const address = server.address() as AddressInfo;
	const hostPart = address.family === 'IPv6' ? `[${address.address}]` : address.address;
	const url = `http://${hostPart}:${address.port}`;
	ctx.origin = url;

	const close = () =>
		(closing ??= new Promise<void>((resolve) => {
			server.close(() => resolve());
			server.closeIdleConnections();
			setTimeout(() => server.closeAllConnections(), timeouts.shutdownGrace).unref();
		}));
	return { url, port: address.port, close };
}
