import { HttpResponse } from 'msw';
import { authenticate, hasScope } from '../../auth/authenticate.ts';
import { errorResponse } from '../../http/errorResponse.ts';
import type { RouteResolver } from '../../http/defineRoute.ts';

/**
 * `DELETE /3rdparty/v1/auth/token/{jti}`: revokes a token and its descendants. An unknown `jti`, or
 * another account's, is still 204, so the answer says nothing about which tokens exist.
 */
export const revokeToken: RouteResolver = async ({ request, params, ctx }) => {
	const principal = await authenticate(request, ctx);
	if (!principal) return errorResponse('unauthorized');
	if (!hasScope(principal, 'tokens:manage')) {
		return errorResponse('scopeRequired', { scope: 'tokens:manage' });
	}
	const jti = params['jti'] ?? '';
	if (ctx.store.get(jti)?.sub === principal.sub) ctx.store.revokeTree(jti);
	return new HttpResponse(null, { status: 204 });
};
