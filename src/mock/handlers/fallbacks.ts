import { http, type HttpHandler } from 'msw';
import { ENDPOINTS, MAX_URL_LENGTH } from '../contract/endpoints.ts';
import { logged } from '../http/defineRoute.ts';
import { errorResponse } from '../http/errorResponse.ts';
import { allowedMethods, isApiPath, matchPath } from '../http/routePredicate.ts';
import type { MockContext } from '../MockContext.ts';

/**
 * Answered before any endpoint: a URL over {@link MAX_URL_LENGTH} on an API or session path is
 * 414 (MSW cannot even match such a URL). Only paths the mock owns: in the docs site's service
 * worker, a long URL of the site's own goes to the network.
 */
export function createUrlGuard(ctx: MockContext): HttpHandler {
	return http.all(
		({ request }) => {
			const url = new URL(request.url);
			const ours = isApiPath(url) || url.pathname.startsWith('/auth/');
			return ours && url.href.length > MAX_URL_LENGTH;
		},
		logged(ctx, () => errorResponse('uriTooLong'))
	);
}

/**
 * Answers what no endpoint matches: a known path with the wrong method is 405 with `Allow`, an
 * unknown path under the API's prefix is 404. Registered after the endpoints, since MSW takes the
 * first handler that matches.
 *
 * The session paths (`/auth/login`, …) get their 405s but no 404 catch-all: in the docs site's
 * service worker, a handler for everything under any `/auth/` would swallow the site's own URLs.
 */
export function createFallbacks(ctx: MockContext): HttpHandler[] {
	const paths = [...new Set(ENDPOINTS.map(({ path }) => path))];
	const wrongMethod = http.all(
		({ request }) => paths.some((path) => matchPath(new URL(request.url), path).matches),
		logged(ctx, ({ request }) =>
			errorResponse(
				'methodNotAllowed',
				{},
				{ Allow: allowedMethods(new URL(request.url)).join(', ') }
			)
		)
	);
	const unknownPath = http.all(
		({ request }) => isApiPath(new URL(request.url)),
		logged(ctx, () => errorResponse('routeNotFound'))
	);
	return [wrongMethod, unknownPath];
}
