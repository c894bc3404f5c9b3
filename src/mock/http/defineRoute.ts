import { http, HttpResponse, type HttpHandler, type HttpResponseResolver } from 'msw';
import { endpoint, type EndpointId } from '../contract/endpoints.ts';
import { statusErrorBody } from '../contract/errors.ts';
import { atInstant, type MockContext } from '../MockContext.ts';
import { routePredicate } from './routePredicate.ts';
import { cookieHeader } from './requestCookie.ts';
import { setCookieHeaders } from './setCookieHeaders.ts';

/** What a route's resolver receives. */
export interface RouteInput {
	request: Request;
	params: Record<string, string>;
	ctx: MockContext;
}

/** Answers one endpoint. */
export type RouteResolver = (input: RouteInput) => Response | Promise<Response>;

/**
 * Turns a resolver into an MSW handler for a contract endpoint, matched on any origin (see
 * {@link routePredicate}) so the same handler serves `msw/node`, the service worker and the local
 * HTTP server.
 */
export function defineRoute(
	ctx: MockContext,
	id: EndpointId,
	resolver: RouteResolver
): HttpHandler {
	const { method, path } = endpoint(id);
	const register = { GET: http.get, POST: http.post, DELETE: http.delete }[method];
	return register(routePredicate(path), logged(ctx, resolver));
}

/**
 * Wraps a resolver so every exchange is logged and an exception becomes a 500 that the fuzz tests
 * hunt for, rather than a crash of whichever transport is serving.
 */
export function logged(ctx: MockContext, resolver: RouteResolver): HttpResponseResolver {
	return async ({ request, params }) => {
		// The log reads both bodies, so it gets copies; a log that keeps nothing gets none.
		const copy = ctx.log.recording ? request.clone() : undefined;
		// Time is read once per request: its tokens, checks, cookies, `Date` and log entry agree.
		const at = atInstant(ctx);
		let response: Response;
		try {
			response = await resolver({ request, params: stringParams(params), ctx: at });
		} catch (error) {
			console.error(`[mock] ${request.method} ${request.url} threw`, error);
			response = HttpResponse.json(statusErrorBody(500, 'Internal Server Error'), {
				status: 500,
			});
		}
		// The server's own time, so clients can time refreshes without trusting their clock.
		if (!response.headers.has('Date')) {
			response.headers.set('Date', new Date(at.clock.now()).toUTCString());
		}
		if (copy !== undefined) {
			await ctx.log.record(at.clock.now(), copy, response.clone(), {
				cookie: cookieHeader(request),
				setCookie: setCookieHeaders(response),
			});
		}
		return response;
	};
}

function stringParams(params: Record<string, string | readonly string[] | undefined>) {
	const result: Record<string, string> = {};
	for (const [key, value] of Object.entries(params)) {
		if (typeof value === 'string') result[key] = value;
	}
	return result;
}
