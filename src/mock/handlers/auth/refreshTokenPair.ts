import { HttpResponse } from 'msw';
import { authenticate } from '../../auth/authenticate.ts';
import { REFRESH_SCOPE } from '../../contract/scopes.ts';
import { errorResponse } from '../../http/errorResponse.ts';
import { NO_STORE_HEADERS } from '../../http/noStore.ts';
import { parseAuthorization } from '../../http/parseAuthorization.ts';
import type { RouteResolver } from '../../http/defineRoute.ts';

/** `POST /3rdparty/v1/auth/token/refresh`: spends a refresh token for a new pair. */
export const refreshTokenPair: RouteResolver = async ({ request, ctx }) => {
	const credentials = parseAuthorization(request.headers.get('authorization'));
	if (credentials?.scheme === 'bearer') {
		const result = await ctx.pairs.rotate(credentials.token, {
			reuse: ctx.settings.reusePolicy,
			overlapSeconds: ctx.settings.overlapSeconds,
			surface: 'api',
		});
		if (result.ok) {
			return HttpResponse.json(result.pair.body, { status: 201, headers: NO_STORE_HEADERS });
		}
		if (result.reason === 'reused') return errorResponse('unauthorized');
	}
	// Valid credentials of the wrong kind (Basic, an access token) lack the system scope; anything
	// else is simply not a credential.
	const principal = await authenticate(request, ctx);
	return principal
		? errorResponse('scopeRequired', { scope: REFRESH_SCOPE })
		: errorResponse('unauthorized');
};
