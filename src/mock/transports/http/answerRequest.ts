import type { IncomingMessage } from 'node:http';
import { getResponse, type RequestHandler } from 'msw';
import { errorBody, statusErrorBody } from '../../contract/errors.ts';
import { isPreflight, preflightResponse } from './cors.ts';
import { readLimitedBody } from './readLimitedBody.ts';
import { toFetchRequest } from './toFetchRequest.ts';
import { transportError } from './transportError.ts';

/** What the bridge needs to answer a request. */
export interface BridgeContext {
	/** The control handlers first, then the API's own. */
	handlers: RequestHandler[];
	/** `http://127.0.0.1:<port>`: the origin requests are rebuilt with. */
	origin: string;
	/** The largest body accepted, in bytes. */
	maxBodyBytes: number;
}

/** The outcome of one request: a response to send, or a client that went away mid-body. */
export type Answer = { kind: 'respond'; response: Response; close: boolean } | { kind: 'aborted' };

/**
 * Answers one Node request with the MSW handlers: read the body (capped), rebuild a Fetch
 * `Request`, ask `getResponse`. Never throws; no endpoint is implemented here, only what no
 * handler can see: preflights, oversized bodies, requests Fetch cannot express, unmatched paths.
 */
export async function answerRequest(message: IncomingMessage, ctx: BridgeContext): Promise<Answer> {
	if (isPreflight(message.method, message.headers)) {
		return { kind: 'respond', response: preflightResponse(), close: false };
	}
	const body = await readLimitedBody(message, message.headers['content-length'], ctx.maxBodyBytes);
	if (body.kind === 'aborted') return { kind: 'aborted' };
	if (body.kind === 'tooLarge') {
		// The rest of the body is never read, so the connection cannot be reused.
		return { kind: 'respond', response: transportError(errorBody('payloadTooLarge')), close: true };
	}
	let request: Request;
	try {
		request = toFetchRequest(message, body.bytes, ctx.origin);
	} catch {
		return { kind: 'respond', response: unrepresentable(message.method), close: true };
	}
	try {
		const response = await getResponse(ctx.handlers, request);
		const notFound = () => transportError(errorBody('routeNotFound'));
		return { kind: 'respond', response: response ?? notFound(), close: false };
	} catch (error) {
		// defineRoute already turns resolver exceptions into a 500; this is the bridge's own bug.
		// The path only: a query string may carry a token, and tokens never go into logs.
		console.error(`[mock-api] ${message.method} ${message.url?.split('?')[0]} failed`, error);
		return {
			kind: 'respond',
			response: transportError(statusErrorBody(500, 'Internal Server Error')),
			close: false,
		};
	}
}

function unrepresentable(method: string | undefined): Response {
	if (method === 'TRACE' || method === 'TRACK' || method === 'CONNECT') {
		return transportError(errorBody('methodNotAllowed'));
	}
	return transportError(statusErrorBody(400, 'Bad Request'));
}
