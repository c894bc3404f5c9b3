import { HttpResponse } from 'msw';
import { CSRF_HEADER } from '../../contract/http.ts';
import { errorResponse } from '../../http/errorResponse.ts';
import { NO_STORE_HEADERS } from '../../http/noStore.ts';
import { refreshCookie } from '../../http/refreshCookie.ts';
import { withSetCookie } from '../../http/setCookieHeaders.ts';
import type { RouteResolver } from '../../http/defineRoute.ts';

/**
 * `POST /auth/logout`: revokes the session's whole family (the access tokens it issued included)
 * and clears the cookie. 204 without a usable cookie too: there is nothing left to end. Guarded
 * like refresh: without `X-CSRF: 1` a cross-site form could log the user out (and, where the site
 * logs straight back in, into an account of the attacker's choosing).
 */
export const logout: RouteResolver = async ({ request, ctx }) => {
	// Checked before the cookie is touched, so a forged request neither ends nor clears it.
	if (request.headers.get(CSRF_HEADER.name) !== CSRF_HEADER.value) {
		return errorResponse('csrfHeaderRequired');
	}
	const token = refreshCookie.read(request);
	if (token !== null) await ctx.pairs.end(token, 'session');
	const response = new HttpResponse(null, { status: 204, headers: NO_STORE_HEADERS });
	return withSetCookie(response, [refreshCookie.clear()]);
};
