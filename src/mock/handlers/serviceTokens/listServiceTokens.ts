import { HttpResponse } from 'msw';
import { authenticate, hasScope } from '../../auth/authenticate.ts';
import { errorResponse } from '../../http/errorResponse.ts';
import { NO_STORE_HEADERS } from '../../http/noStore.ts';
import type { RouteResolver } from '../../http/defineRoute.ts';

/** `GET /3rdparty/v1/service-tokens`: the caller's unrevoked service tokens, minus the tokens. */
export const listServiceTokens: RouteResolver = async ({ request, ctx }) => {
	const principal = await authenticate(request, ctx);
	if (!principal) return errorResponse('unauthorized');
	if (!hasScope(principal, 'tokens:manage')) {
		return errorResponse('scopeRequired', { scope: 'tokens:manage' });
	}
	return HttpResponse.json(ctx.serviceTokens.list(principal.sub), { headers: NO_STORE_HEADERS });
};
