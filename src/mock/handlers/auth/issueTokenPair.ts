import { HttpResponse } from 'msw';
import { mayGrant, stillAuthorized } from '../../auth/authenticate.ts';
import { grantExpiry, scopeNeedingBasic } from '../../auth/grantLimits.ts';
import { IssueTokenRequest } from '../../contract/schemas.ts';
import { errorResponse } from '../../http/errorResponse.ts';
import { requireCaller } from '../../http/requireCaller.ts';
import { NO_STORE_HEADERS } from '../../http/noStore.ts';
import { readBody } from '../../http/readBody.ts';
import type { RouteResolver } from '../../http/defineRoute.ts';

/** `POST /3rdparty/v1/auth/token`: a new login's first token pair. */
export const issueTokenPair: RouteResolver = async ({ request, ctx }) => {
	const principal = await requireCaller(request, ctx, 'tokens:manage');
	if (principal instanceof Response) return principal;
	const input = await readBody(request, IssueTokenRequest);
	if (input instanceof Response) return input;

	const basicOnly = scopeNeedingBasic(principal, input.scopes);
	if (basicOnly !== undefined) return errorResponse('grantRequiresBasic', { scope: basicOnly });
	const missing = input.scopes.find((scope) => !mayGrant(ctx, principal, scope));
	if (missing !== undefined) return errorResponse('scopeRequired', { scope: missing });

	// Issued with a bearer token, the whole login (every rotation of it) ends when that token does.
	const pair = await ctx.pairs.issue(principal.sub, input.scopes, {
		ttl: input.ttl,
		notAfter: grantExpiry(principal),
		authorized: () => stillAuthorized(ctx, principal),
	});
	if (pair === undefined) return errorResponse('unauthorized');
	return HttpResponse.json(pair.body, { status: 201, headers: NO_STORE_HEADERS });
};
