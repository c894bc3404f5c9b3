import { HttpResponse } from 'msw';
import { NO_STORE_HEADERS } from '../../http/noStore.ts';
import { refreshCookie } from '../../http/refreshCookie.ts';
import type { RouteResolver } from '../../http/defineRoute.ts';

/**
 * `POST /auth/logout`: revokes the session's whole family (the access tokens it issued included)
 * and clears the cookie. Always 204: without a usable cookie there is nothing left to end.
 */
export const logout: RouteResolver = async ({ request, cookies, ctx }) => {
	const token = refreshCookie.read(request, cookies);
	if (token !== null) await ctx.pairs.end(token, 'session');
	return new HttpResponse(null, {
		status: 204,
		headers: { ...NO_STORE_HEADERS, 'Set-Cookie': refreshCookie.clear() },
	});
};
