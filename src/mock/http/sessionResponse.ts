import { HttpResponse } from 'msw';
import type { MockContext } from '../MockContext.ts';
import type { IssuedPair } from '../pairs/TokenPairs.ts';
import { NO_STORE_HEADERS } from './noStore.ts';
import { refreshCookie } from './refreshCookie.ts';
import { withSetCookie } from './setCookieHeaders.ts';

/**
 * The 200 of `/auth/login` and `/auth/refresh`: the access token in the body for the page to keep
 * in memory, the refresh token only in the `HttpOnly` cookie.
 */
export function sessionResponse(ctx: MockContext, pair: IssuedPair): Response {
	const now = ctx.clock.nowSeconds();
	const response = HttpResponse.json(
		{
			access_token: pair.body.access_token,
			token_type: 'Bearer',
			expires_in: Math.max(0, pair.accessExpiresAt - now),
		},
		{ status: 200, headers: NO_STORE_HEADERS }
	);
	return withSetCookie(response, [
		refreshCookie.set(pair.body.refresh_token, pair.refreshExpiresAt - now),
	]);
}
