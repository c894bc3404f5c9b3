import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getResponse } from 'msw';
// srvx's Node adapter turns Node's request into a Fetch `Request` (body read lazily, capped by
// `maxRequestBodySize`, aborted when the client goes) and writes a Fetch `Response` back with
// backpressure. Chosen over @hono/node-server (needs `hono` itself at run time) and
// @whatwg-node/server (five dependencies): no dependencies, and the h3/Nitro team keeps it.
import type { NodeHttp1Handler, ServerRequest } from 'srvx';
import { sendNodeResponse, toNodeHandler } from 'srvx/node';
import { MAX_URL_LENGTH } from '../../contract/endpoints.ts';
import { type ApiErrorId, statusErrorBody } from '../../contract/errors.ts';
import {
	HEADERS_TIMEOUT_SECONDS,
	MAX_BODY_BYTES,
	MAX_HEADER_BYTES,
	REQUEST_TIMEOUT_SECONDS,
} from '../../contract/http.ts';
import type { MockApi } from '../../createMockApi.ts';
import { errorResponse } from '../../http/errorResponse.ts';
import { allowedMethods } from '../../http/routePredicate.ts';
import { answerOrFault } from '../../faults/answerOrFault.ts';
import { AnswersInFlight } from './AnswersInFlight.ts';
import { answerClientError, answerConnect } from './answerClientError.ts';
import { CONTROL_PATHS, createControlHandlers } from './createControlHandlers.ts';
import { CORS_HEADERS, isPreflight, preflightResponse } from './cors.ts';
import { isValidHost, originForm } from './requestTarget.ts';

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
	request: REQUEST_TIMEOUT_SECONDS * 1000,
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
 * `/__mock/*` controls and CORS. Each request becomes a Fetch `Request` answered by MSW's
 * `getResponse`, so every endpoint behaves exactly as it does under `msw/node` and in the browser.
 *
 * What no handler can see is answered here, always with the contract's error body, the CORS
 * headers and the mock clock's `Date`: a request Node cannot parse, headers over Node's limit or
 * too slow, no `Host`, an `Expect` other than `100-continue`, a URL or body over the limits, a
 * method Fetch cannot carry (`TRACE`, `CONNECT`), a path no handler knows.
 */
export async function startHttpServer(options: HttpServerOptions): Promise<RunningHttpServer> {
	const { api, port, host = '127.0.0.1', onExchange } = options;
	const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
	const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
	const handlers = [...createControlHandlers(api), ...api.handlers];
	const server = createServer({
		headersTimeout: timeouts.headers,
		requestTimeout: timeouts.request,
		keepAliveTimeout: timeouts.keepAlive,
		connectionsCheckingInterval: timeouts.check,
		// Node's own answer would be an empty 400; this server answers it with the error body.
		requireHostHeader: false,
		// Node's own limits are not the documented one: it counts only names and values, and refuses
		// more than 1,000 headers whatever their size (its default `maxHeadersCount`), so ~1,000
		// small headers (under 10 KB) were a 431. Its parser gets twice the room as a backstop and no
		// count; the documented limit is checked on the bytes as sent (`headerBlockBytes`), which
		// also bounds the count (a header line takes at least 4 bytes).
		maxHeaderSize: 2 * MAX_HEADER_BYTES,
	});
	server.maxHeadersCount = 0;
	let origin = '';
	let closing: Promise<void> | undefined;

	/** Every response leaves with CORS, the mock's `Date` and an exact `Content-Length`. */
	const finish = async (response: Response, close = false): Promise<Response> => {
		const headers = new Headers(response.headers);
		for (const [name, value] of Object.entries(CORS_HEADERS)) headers.set(name, value);
		if (!headers.has('Date')) headers.set('Date', new Date(api.clock.now()).toUTCString());
		if (close || closing !== undefined) headers.set('Connection', 'close');
		const bodyless = response.body === null || response.status === 204 || response.status === 304;
		const body = bodyless ? null : new Uint8Array(await response.arrayBuffer());
		if (body !== null) headers.set('Content-Length', String(body.byteLength));
		return new Response(body, { status: response.status, headers });
	};
	const refuse = (id: ApiErrorId, headers: Record<string, string> = {}, close = false) =>
		finish(errorResponse(id, {}, headers), close);

	const answer = async (request: Request, req: IncomingMessage): Promise<Response> => {
		if (req.httpVersion === '1.1' && countHeader(req, 'host') !== 1)
			return refuse('badRequest', {}, true);
		const { pathname, search } = new URL(request.url);
		const url = new URL(`${origin}${pathname}${search}`);
		if (url.href.length > MAX_URL_LENGTH) return refuse('uriTooLong');
		if (isPreflight(req.method, req.headers)) return finish(preflightResponse());
		if (!isFetchMethod(request.method)) return refuseMethod(url);

		let body: ArrayBuffer | undefined;
		if (request.method !== 'GET' && request.method !== 'HEAD') {
			// Declared too large: answered before a byte is read; the rest is never read, so the
			// connection cannot be reused.
			if (Number(req.headers['content-length']) > maxBodyBytes) {
				return refuse('payloadTooLarge', {}, true);
			}
			try {
				body = await request.arrayBuffer();
			} catch (error) {
				if ((error as { statusCode?: number }).statusCode === 413) {
					return refuse('payloadTooLarge', {}, true);
				}
				throw error;
			}
		}
		const forHandlers = new Request(url, {
			method: request.method,
			headers: request.headers,
			...(body === undefined ? {} : { body }),
		});
		const response = await getResponse(handlers, forHandlers);
		return response ? finish(response) : refuse('routeNotFound');
	};

	const refuseMethod = (url: URL) => {
		const control = (Object.values(CONTROL_PATHS) as string[]).includes(url.pathname);
		const allow = control ? ['POST'] : allowedMethods(url);
		return allow.length > 0
			? refuse('methodNotAllowed', { Allow: allow.join(', ') })
			: refuse('routeNotFound');
	};

	const handle = toNodeHandler(
		async (request) => {
			const { req, res } = (request as ServerRequest).runtime!.node! as {
				req: IncomingMessage;
				res: ServerResponse;
			};
			let response: Response;
			try {
				const answered = await answerOrFault(api, request, req, () => answer(request, req));
				if (answered === 'drop') return new Response(null, { status: 499 });
				response = answered;
			} catch (error) {
				// The client went away mid-body: there is nobody left to answer.
				if (request.signal.aborted || req.destroyed) return new Response(null, { status: 499 });
				// A bug of this bridge, never the client's fault. The path only: a query may hold a token.
				console.error(`[mock-api] ${req.method} ${req.url?.split('?')[0]} failed`, error);
				const body = statusErrorBody(500, 'Internal Server Error');
				response = await finish(Response.json(body, { status: 500 }));
			}
			res.once('finish', () =>
				onExchange?.({ method: req.method ?? '', path: req.url ?? '', status: response.status })
			);
			return response;
		},
		{ maxRequestBodySize: maxBodyBytes }
	) as NodeHttp1Handler;

	const answersInFlight = new AnswersInFlight();
	server.on('request', (req: IncomingMessage, res: ServerResponse) => {
		// The mock's clock dates its responses; Node's wall-clock `Date` would contradict it.
		res.sendDate = false;
		req.on('error', () => {});
		res.on('error', () => {});
		answersInFlight.track(req.socket, req, res);
		// Before anything builds a URL from them: a target or Host no URL can hold is the
		// client's 400, never an exception in a handler.
		if (originForm(req.url ?? '') === undefined || !hasValidHost(req)) {
			void refuse('badRequest', {}, true).then((response) => sendNodeResponse(res, response));
			return;
		}
		if (headerBlockBytes(req) > MAX_HEADER_BYTES) {
			void refuse('headersTooLarge', {}, true).then((response) => sendNodeResponse(res, response));
			return;
		}
		void handle(req, res);
	});
	// `Expect: 100-continue`: invite the body only if it may fit, else answer 413 straight away.
	server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
		if (!(Number(req.headers['content-length']) > maxBodyBytes)) res.writeContinue();
		server.emit('request', req, res);
	});
	// Any other expectation cannot be met (RFC 9110 §10.1.1).
	server.on('checkExpectation', (req: IncomingMessage, res: ServerResponse) => {
		res.sendDate = false;
		res.on('error', () => {});
		req.resume();
		void refuse('expectationFailed', {}, true).then((response) => sendNodeResponse(res, response));
	});
	const now = () => new Date(api.clock.now()).toUTCString();
	// A request Node cannot parse, pipelined behind requests still being answered: its error
	// waits for their answers, which must reach the client first and in order (RFC 9112 §9.3.2).
	server.on('clientError', (error: Error & { code?: string }, socket) =>
		answersInFlight.after(socket, () => answerClientError(error, socket, now()))
	);
	server.on('connect', (_req: IncomingMessage, socket) => answerConnect(socket, now()));

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => {
			server.off('error', reject);
			resolve();
		});
	});
	const address = server.address() as AddressInfo;
	const hostPart = address.family === 'IPv6' ? `[${address.address}]` : address.address;
	origin = `http://${hostPart}:${address.port}`;

	const close = () =>
		(closing ??= new Promise<void>((resolve) => {
			server.close(() => resolve());
			server.closeIdleConnections();
			setTimeout(() => server.closeAllConnections(), timeouts.shutdownGrace).unref();
		}));
	return { url: origin, port: address.port, close };
}

/** The bytes of a request's head as sent: request line, header lines, the empty line. */
function headerBlockBytes(req: IncomingMessage): number {
	// Node keeps header bytes as latin1 strings: one character per byte.
	let bytes = `${req.method} ${req.url} HTTP/${req.httpVersion}\r\n\r\n`.length;
	for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
		bytes += (req.rawHeaders[i]?.length ?? 0) + 2 + (req.rawHeaders[i + 1]?.length ?? 0) + 2;
	}
	return bytes;
}

/** Whether a request's `Host`, if it has one, is one a URL can hold. */
function hasValidHost(req: IncomingMessage): boolean {
	const host = req.headers.host;
	return host === undefined || isValidHost(host);
}

/** How many times a request carries a header (Node folds or drops repeats in `headers`). */
function countHeader(req: IncomingMessage, name: string): number {
	let count = 0;
	for (let i = 0; i < req.rawHeaders.length; i += 2) {
		if (req.rawHeaders[i]?.toLowerCase() === name) count += 1;
	}
	return count;
}

/** The methods clients send every day, which Fetch carries: no `Request` made to find out. */
const FETCH_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** Whether a Fetch `Request` can carry this method (`TRACE`, `TRACK`, `CONNECT` it cannot). */
function isFetchMethod(method: string): boolean {
	if (FETCH_METHODS.has(method)) return true;
	try {
		new Request('http://x/', { method });
		return true;
	} catch {
		return false;
	}
}
