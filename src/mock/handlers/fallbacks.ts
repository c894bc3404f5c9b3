import { http, type HttpHandler } from 'msw';
import { ENDPOINTS } from '../contract/endpoints.ts';
import { logged } from '../http/defineRoute.ts';
import { errorResponse } from '../http/errorResponse.ts';
import { API_PREFIX, routePredicate } from '../http/routePredicate.ts';
import type { MockContext } from '../MockContext.ts';

/**
 * Answers what no endpoint matches: a known path with the wrong method is 405 with `Allow`, an
 * unknown path under the API's prefix is 404. Registered after the endpoints, since MSW takes the
 * first handler that matches.
 *
 * The session paths (`/auth/login`, …) get their 405s but no 404 catch-all: in the docs site's
 * service worker, a handler for everything under any `/auth/` would swallow the site's own URLs.
 */
export function createFallbacks(ctx: MockContext): HttpHandler[] {
	const methodsByPath = new Map<string, string[]>();
	for (const { path, method } of ENDPOINTS) {
		methodsByPath.set(path, [...(methodsByPath.get(path) ?? []), method]);
	}
	const wrongMethod = [...methodsByPath].map(([path, methods]) =>
		http.all(
			routePredicate(path),
			logged(ctx, () => errorResponse('methodNotAllowed', {}, { Allow: methods.join(', ') }))
		)
	);
	const unknownPath = http.all(
		`*${API_PREFIX}*`,
		logged(ctx, () => errorResponse('routeNotFound'))
	);
	return [...wrongMethod, unknownPath];
}
