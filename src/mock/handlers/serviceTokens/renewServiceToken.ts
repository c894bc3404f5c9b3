import { HttpResponse } from 'msw';
import { mayGrant, stillAuthorized } from '../../auth/authenticate.ts';
import { boundedCap, grantExpiry, scopeNeedingBasic } from '../../auth/grantLimits.ts';
import { serviceTokenCap } from '../../contract/lifetimes.ts';
import { RenewServiceTokenRequest } from '../../contract/schemas.ts';
import { validate } from '../../contract/validate.ts';
import { errorResponse } from '../../http/errorResponse.ts';
import { requireCaller } from '../../http/requireCaller.ts';
import { NO_STORE_HEADERS } from '../../http/noStore.ts';
import { readJsonBody } from '../../http/readJsonBody.ts';
import type { RouteResolver } from '../../http/defineRoute.ts';

/**
 * `POST /3rdparty/v1/service-tokens/{id}/renew`: a new token with the original's name and
 * recorded scopes and a new id. The original is left alone: it works until its own expiry, which
 * is the overlap a service needs to switch without downtime. Expired originals may be renewed.
 * Renewed with a bearer token, the new token ends no later than that token (see `grantLimits.ts`).
 */
export const renewServiceToken: RouteResolver = async ({ request, params, ctx }) => {
	const principal = await requireCaller(request, ctx, 'tokens:manage');
	if (principal instanceof Response) return principal;
	const body = await readJsonBody(request, { whenEmpty: {} });
	if (!body.ok) return errorResponse(body.error);
	const parsed = validate(RenewServiceTokenRequest, body.value);
	if (!parsed.ok) return errorResponse(parsed.failure.id, parsed.failure.params);

	// Another account's token is as unknown as a made-up id: the answer says nothing about it.
	const original = ctx.serviceTokens.find(principal.sub, params['id'] ?? '');
	if (!original) return errorResponse('serviceTokenNotFound');
	// A token cannot extend its own authority: a service token with `tokens:manage` renewing itself
	// would chain its cap forever with no person involved.
	if (principal.claims?.jti === original.jti) return errorResponse('selfRenewal');
	if (original.scopes === undefined || original.scopes.length === 0) {
		return errorResponse('scopesNotRecorded');
	}
	// Only a person renews into `tokens:manage`: else a renewed manager could renew its
	// predecessor, and that one it, for ever.
	const basicOnly = scopeNeedingBasic(principal, original.scopes);
	if (basicOnly !== undefined) return errorResponse('grantRequiresBasic', { scope: basicOnly });
	// No silent re-issue of a permission the caller can no longer legitimately request.
	const missing = original.scopes.filter((scope) => !mayGrant(ctx, principal, scope));
	if (missing.length > 0) return errorResponse('missingScopes', { scopes: missing });

	const cap = boundedCap(principal, serviceTokenCap(original.scopes), ctx.clock.nowSeconds());
	const lifetime = parsed.data.ttl || cap;
	if (lifetime > cap) return errorResponse('ttlTooLong', { max_ttl: cap });

	const token = await ctx.serviceTokens.mint({
		sub: original.sub,
		name: original.name,
		scopes: original.scopes,
		lifetime,
		notAfter: grantExpiry(principal),
		authorized: () => stillAuthorized(ctx, principal),
		renewedFrom: original.jti,
	});
	if (token === undefined) return errorResponse('unauthorized');
	return HttpResponse.json(token, { status: 201, headers: NO_STORE_HEADERS });
};
