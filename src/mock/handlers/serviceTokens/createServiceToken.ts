import { HttpResponse } from 'msw';
import { authenticate, hasScope, mayGrant } from '../../auth/authenticate.ts';
import { serviceTokenCap } from '../../contract/lifetimes.ts';
import { CreateServiceTokenRequest } from '../../contract/schemas.ts';
import { validate } from '../../contract/validate.ts';
import { errorResponse } from '../../http/errorResponse.ts';
import { NO_STORE_HEADERS } from '../../http/noStore.ts';
import { readJsonBody } from '../../http/readJsonBody.ts';
import type { RouteResolver } from '../../http/defineRoute.ts';

/** `POST /3rdparty/v1/service-tokens`: mints a named service token, capped by its scopes. */
export const createServiceToken: RouteResolver = async ({ request, ctx }) => {
	const principal = await authenticate(request, ctx);
	if (!principal) return errorResponse('unauthorized');
	if (!hasScope(principal, 'tokens:manage')) {
		return errorResponse('scopeRequired', { scope: 'tokens:manage' });
	}
	const body = await readJsonBody(request);
	if (!body.ok) return errorResponse(body.error);
	const parsed = validate(CreateServiceTokenRequest, body.value);
	if (!parsed.ok) return errorResponse(parsed.failure.id, parsed.failure.params);

	const scopes = [...new Set(parsed.data.scopes)];
	const missing = scopes.find((scope) => !mayGrant(ctx, principal, scope));
	if (missing !== undefined) return errorResponse('scopeRequired', { scope: missing });

	const cap = serviceTokenCap(scopes);
	const lifetime = parsed.data.ttl || cap;
	if (lifetime > cap) return errorResponse('ttlTooLong', { max_ttl: cap });

	const token = await ctx.serviceTokens.mint({
		sub: principal.sub,
		name: parsed.data.name,
		scopes,
		lifetime,
	});
	return HttpResponse.json(token, { status: 201, headers: NO_STORE_HEADERS });
};
