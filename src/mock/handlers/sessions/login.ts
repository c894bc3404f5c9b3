import { basicPrincipal, stillAuthorized } from '../../auth/authenticate.ts';
import { sessionScopes } from '../../auth/sessionScopes.ts';
import { LOGIN_CONTENT_TYPE } from '../../contract/http.ts';
import { LoginRequest } from '../../contract/schemas.ts';
import { hasMediaType } from '../../http/hasMediaType.ts';
import { validate } from '../../contract/validate.ts';
import { errorResponse } from '../../http/errorResponse.ts';
import { readJsonBody } from '../../http/readJsonBody.ts';
import { refreshCookie } from '../../http/refreshCookie.ts';
import { sessionResponse } from '../../http/sessionResponse.ts';
import type { RouteResolver } from '../../http/defineRoute.ts';

/**
 * `POST /auth/login`: starts a browser session; the refresh token goes into the cookie. Only a
 * JSON body is accepted (see `LOGIN_CONTENT_TYPE`): a cross-site form cannot send one without a
 * CORS preflight, so it cannot log the browser into the attacker's account (login CSRF).
 */
export const login: RouteResolver = async ({ request, ctx }) => {
	// Before the body is read: what a cross-site form can send never reaches the password check.
	if (!hasMediaType(request, LOGIN_CONTENT_TYPE)) return errorResponse('unsupportedMediaType');
	const body = await readJsonBody(request);
	if (!body.ok) return errorResponse(body.error);
	const parsed = validate(LoginRequest, body.value);
	if (!parsed.ok) return errorResponse(parsed.failure.id, parsed.failure.params);
	const account = ctx.accounts.verify(parsed.data.username, parsed.data.password);
	if (!account) return errorResponse('unauthorized');
	const principal = basicPrincipal(ctx, account.userId);

	// The new cookie overwrites the old one; the old login must not live on without it.
	const previous = refreshCookie.read(request);
	if (previous !== null) await ctx.pairs.end(previous, 'session');

	const scopes = sessionScopes(ctx.accounts, account.userId);
	const pair = await ctx.pairs.issue(account.userId, scopes, {
		surface: 'session',
		authorized: () => stillAuthorized(ctx, principal),
	});
	if (pair === undefined) return errorResponse('unauthorized');
	return sessionResponse(ctx, pair);
};
