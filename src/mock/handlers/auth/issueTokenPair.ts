import { HttpResponse } from 'msw';
import { authenticate, hasScope, mayGrant } from '../../auth/authenticate.ts';
import { IssueTokenRequest } from '../../contract/schemas.ts';
import { validate } from '../../contract/validate.ts';
import { errorResponse } from '../../http/errorResponse.ts';
import { NO_STORE_HEADERS } from '../../http/noStore.ts';
import { readJsonBody } from '../../http/readJsonBody.ts';
import type { RouteResolver } from '../../http/defineRoute.ts';

/** `POST /3rdparty/v1/auth/token`: a new login's first token pair. */
export const issueTokenPair: RouteResolver = async ({ request, ctx }) => {
	const principal = await authenticate(request, ctx);
	if (!principal) return errorResponse('unauthorized');
	if (!hasScope(principal, 'tokens:manage')) {
		return errorResponse('scopeRequired', { scope: 'tokens:manage' });
	}
	const body = await readJsonBody(request);
	if (!body.ok) return errorResponse(body.error);
	const parsed = validate(IssueTokenRequest, body.value);
	if (!parsed.ok) return errorResponse(parsed.failure.id, parsed.failure.params);

	const missing = parsed.data.scopes.find((scope) => !mayGrant(ctx, principal, scope));
	if (missing !== undefined) return errorResponse('scopeRequired', { scope: missing });

	const pair = await ctx.pairs.issue(principal.sub, parsed.data.scopes, { ttl: parsed.data.ttl });
	return HttpResponse.json(pair.body, { status: 201, headers: NO_STORE_HEADERS });
};
