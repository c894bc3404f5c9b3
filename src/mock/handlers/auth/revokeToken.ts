import { HttpResponse } from 'msw';
import { requireCaller } from '../../http/requireCaller.ts';
import type { RouteResolver } from '../../http/defineRoute.ts';

/**
 * `DELETE /3rdparty/v1/auth/token/{jti}`: revokes a token and its descendants. An unknown `jti`, or
 * another account's, is still 204, so the answer says nothing about which tokens exist.
 */
export const revokeToken: RouteResolver = async ({ request, params, ctx }) => {
	const principal = await requireCaller(request, ctx, 'tokens:manage');
	if (principal instanceof Response) return principal;
	const jti = params['jti'] ?? '';
	if (ctx.store.get(jti)?.sub === principal.sub) ctx.store.revokeTree(jti);
	return new HttpResponse(null, { status: 204 });
};
