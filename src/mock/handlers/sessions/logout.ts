import { HttpResponse } from 'msw';
import { NO_STORE_HEADERS } from '../../http/noStore.ts';
import { refreshCookie } from '../../http/refreshCookie.ts';
import { withSetCookie } from '../../http/setCookieHeaders.ts';
import type { RouteResolver } from '../../http/defineRoute.ts';

/**
 * `POST /auth/logout`: revokes the session's whole family (the access tokens it issued included)
 * and clears the cookie. Always 204: without a usable cookie there is nothing left to end.
 */
export const logout: RouteResolver = async ({ request, ctx }) => {
	const token = refreshCookie.read(request);
	if (token !== null) await ctx.pairs.end(token, 'session');
	const response = new HttpResponse(null, { status: 204, headers: NO_STORE_HEADERS });
	return withSetCookie(response, [refreshCookie.clear()]);
};
