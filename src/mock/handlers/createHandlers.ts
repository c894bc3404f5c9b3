import { http, type HttpHandler } from 'msw';
import { ENDPOINTS, type EndpointId } from '../contract/endpoints.ts';
import { withChallenge } from '../http/challenge.ts';
import { defineRoute, logged, type RouteResolver } from '../http/defineRoute.ts';
import { headOf } from '../http/headOf.ts';
import { routePredicate } from '../http/routePredicate.ts';
import type { MockContext } from '../MockContext.ts';
import { getJwks } from './auth/getJwks.ts';
import { issueTokenPair } from './auth/issueTokenPair.ts';
import { refreshTokenPair } from './auth/refreshTokenPair.ts';
import { changePassword } from './auth/changePassword.ts';
import { revokeAllLogins } from './auth/revokeAllLogins.ts';
import { revokeToken } from './auth/revokeToken.ts';
import { createFallbacks, createUrlGuard } from './fallbacks.ts';
import { getMessage } from './messages/getMessage.ts';
import { sendMessage } from './messages/sendMessage.ts';
import { createServiceToken } from './serviceTokens/createServiceToken.ts';
import { listServiceTokens } from './serviceTokens/listServiceTokens.ts';
import { renewServiceToken } from './serviceTokens/renewServiceToken.ts';
import { login } from './sessions/login.ts';
import { logout } from './sessions/logout.ts';
import { refreshSession } from './sessions/refreshSession.ts';

/** The resolver of every contract endpoint; the type makes a missing one a compile error. */
export const RESOLVERS: Record<EndpointId, RouteResolver> = {
	issueTokenPair,
	refreshTokenPair,
	revokeToken,
	revokeAllLogins,
	changePassword,
	createServiceToken,
	listServiceTokens,
	renewServiceToken,
	getJwks,
	sendMessage,
	getMessage,
	login,
	refreshSession,
	logout,
};

/**
 * The MSW handlers of one mock instance: the URL guard (414), the endpoints, then the 404/405
 * fallbacks.
 */
export function createHandlers(ctx: MockContext): HttpHandler[] {
	const resolvers = ENDPOINTS.map((endpoint) => {
		const resolve = RESOLVERS[endpoint.id];
		// Every 401 of the endpoint names the scheme it takes, whichever check refused it.
		const withItsChallenge: RouteResolver = async (input) =>
			withChallenge(await resolve(input), endpoint);
		return { endpoint, resolve: withItsChallenge };
	});
	const endpoints = resolvers.map(({ endpoint, resolve }) =>
		defineRoute(ctx, endpoint.id, resolve)
	);
	// HEAD wherever GET works (see `headOf`).
	const heads = resolvers
		.filter(({ endpoint }) => endpoint.method === 'GET')
		.map(({ endpoint, resolve }) =>
			http.head(routePredicate(endpoint.path), logged(ctx, headOf(resolve)))
		);
	return [createUrlGuard(ctx), ...endpoints, ...heads, ...createFallbacks(ctx)];
}
