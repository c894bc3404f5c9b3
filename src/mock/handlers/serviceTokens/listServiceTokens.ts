import { HttpResponse } from 'msw';
import { requireCaller } from '../../http/requireCaller.ts';
import { NO_STORE_HEADERS } from '../../http/noStore.ts';
import type { RouteResolver } from '../../http/defineRoute.ts';

/** `GET /3rdparty/v1/service-tokens`: the caller's unrevoked service tokens, minus the tokens. */
export const listServiceTokens: RouteResolver = async ({ request, ctx }) => {
	const principal = await requireCaller(request, ctx, 'tokens:manage');
	if (principal instanceof Response) return principal;
	return HttpResponse.json(ctx.serviceTokens.list(principal.sub), { headers: NO_STORE_HEADERS });
};
