import { CSRF_HEADER } from '../../contract/http.ts';
import { errorResponse } from '../../http/errorResponse.ts';
import { refreshCookie } from '../../http/refreshCookie.ts';
import { sessionResponse } from '../../http/sessionResponse.ts';
import { withSetCookie } from '../../http/setCookieHeaders.ts';
import type { RouteResolver } from '../../http/defineRoute.ts';

/**
 * `POST /auth/refresh`: spends the cookie's refresh token for a new access token and a rotated
 * cookie. A cross-site form cannot send a custom header without a CORS preflight, so `X-CSRF: 1`
 * proves the request came from the page's own script. Reuse always revokes the family here,
 * whatever the bearer API's setting: a stolen cookie is the threat this surface exists for.
 */
export const refreshSession: RouteResolver = async ({ request, ctx }) => {
	// Checked before the cookie is touched, so a forged request neither spends nor clears it.
	if (request.headers.get(CSRF_HEADER.name) !== CSRF_HEADER.value) {
		return errorResponse('csrfHeaderRequired');
	}
	// Refused: the cookie is cleared, so the browser stops sending a token that cannot work.
	const refused = () => withSetCookie(errorResponse('unauthorized'), [refreshCookie.clear()]);
	const token = refreshCookie.read(request);
	if (token === null) return refused();
	const result = await ctx.pairs.rotate(token, {
		reuse: 'revoke-family',
		overlapSeconds: ctx.settings.overlapSeconds,
		surface: 'session',
	});
	if (!result.ok) return refused();
	return sessionResponse(ctx, result.pair);
};
