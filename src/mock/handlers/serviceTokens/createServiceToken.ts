import { HttpResponse } from 'msw';
import { mayGrant } from '../../auth/authenticate.ts';
import { serviceTokenCap } from '../../contract/lifetimes.ts';
import { CreateServiceTokenRequest } from '../../contract/schemas.ts';
import { errorResponse } from '../../http/errorResponse.ts';
import { requireCaller } from '../../http/requireCaller.ts';
import { NO_STORE_HEADERS } from '../../http/noStore.ts';
import { readBody } from '../../http/readBody.ts';
import type { RouteResolver } from '../../http/defineRoute.ts';

/** `POST /3rdparty/v1/service-tokens`: mints a named service token, capped by its scopes. */
export const createServiceToken: RouteResolver = async ({ request, ctx }) => {
	const principal = await requireCaller(request, ctx, 'tokens:manage');
	if (principal instanceof Response) return principal;
	const input = await readBody(request, CreateServiceTokenRequest);
	if (input instanceof Response) return input;

	const scopes = [...new Set(input.scopes)];
	const missing = scopes.find((scope) => !mayGrant(ctx, principal, scope));
	if (missing !== undefined) return errorResponse('scopeRequired', { scope: missing });

	const cap = serviceTokenCap(scopes);
	const lifetime = input.ttl || cap;
	if (lifetime > cap) return errorResponse('ttlTooLong', { max_ttl: cap });

	const token = await ctx.serviceTokens.mint({
		sub: principal.sub,
		name: input.name,
		scopes,
		lifetime,
	});
	return HttpResponse.json(token, { status: 201, headers: NO_STORE_HEADERS });
};
