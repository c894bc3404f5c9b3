import type { HttpHandler } from 'msw';
import { ENDPOINTS, type EndpointId } from '../contract/endpoints.ts';
import { defineRoute, type RouteResolver } from '../http/defineRoute.ts';
import type { MockContext } from '../MockContext.ts';
import { getJwks } from './auth/getJwks.ts';
import { issueTokenPair } from './auth/issueTokenPair.ts';
import { refreshTokenPair } from './auth/refreshTokenPair.ts';
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
	const endpoints = ENDPOINTS.map(({ id }) => defineRoute(ctx, id, RESOLVERS[id]));
	return [createUrlGuard(ctx), ...endpoints, ...createFallbacks(ctx)];
}
