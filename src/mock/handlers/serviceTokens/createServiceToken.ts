import { HttpResponse } from 'msw';
import { mayGrant, stillAuthorized } from '../../auth/authenticate.ts';
import { boundedCap, grantExpiry, scopeNeedingBasic } from '../../auth/grantLimits.ts';
import { serviceTokenCap } from '../../contract/lifetimes.ts';
import { CreateServiceTokenRequest } from '../../contract/schemas.ts';
import { errorResponse } from '../../http/errorResponse.ts';
import { requireCaller } from '../../http/requireCaller.ts';
import { NO_STORE_HEADERS } from '../../http/noStore.ts';
import { readBody } from '../../http/readBody.ts';
import type { RouteResolver } from '../../http/defineRoute.ts';

/**
 * `POST /3rdparty/v1/service-tokens`: mints a named service token, capped by its scopes and, when
 * the caller is a bearer token, by that token's own expiry (see `grantLimits.ts`).
 */
export const createServiceToken: RouteResolver = async ({ request, ctx }) => {
	const principal = await requireCaller(request, ctx, 'tokens:manage');
	if (principal instanceof Response) return principal;
	const input = await readBody(request, CreateServiceTokenRequest);
	if (input instanceof Response) return input;

	const scopes = [...new Set(input.scopes)];
	const basicOnly = scopeNeedingBasic(principal, scopes);
	if (basicOnly !== undefined) return errorResponse('grantRequiresBasic', { scope: basicOnly });
	const missing = scopes.find((scope) => !mayGrant(ctx, principal, scope));
	if (missing !== undefined) return errorResponse('scopeRequired', { scope: missing });

	// A bearer caller's token bounds the cap: what it mints ends when it does.
	const cap = boundedCap(principal, serviceTokenCap(scopes), ctx.clock.nowSeconds());
	const lifetime = input.ttl || cap;
	if (lifetime > cap) return errorResponse('ttlTooLong', { max_ttl: cap });

	const token = await ctx.serviceTokens.mint({
		sub: principal.sub,
		name: input.name,
		scopes,
		lifetime,
		notAfter: grantExpiry(principal),
		authorized: () => stillAuthorized(ctx, principal),
	});
	if (token === undefined) return errorResponse('unauthorized');
	return HttpResponse.json(token, { status: 201, headers: NO_STORE_HEADERS });
};
