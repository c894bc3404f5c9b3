import { REFRESH_SCOPE, WILDCARD_SCOPE } from '../contract/scopes.ts';
import { parseAuthorization } from '../http/parseAuthorization.ts';
import type { MockContext } from '../MockContext.ts';
import type { AccessClaims } from '../tokens/claims.ts';

/** Who is calling, and with which scopes. */
export interface Principal {
	sub: string;
	scopes: readonly string[];
	/** The access token's claims, when the caller used one. */
	claims?: AccessClaims;
}

/**
 * Identifies the caller from `Authorization`: Basic credentials of an account (scope `all:any`) or
 * a genuine, unrevoked access token. Refresh tokens are not access tokens: `null`.
 */
export async function authenticate(request: Request, ctx: MockContext): Promise<Principal | null> {
	const credentials = parseAuthorization(request.headers.get('authorization'));
	if (credentials?.scheme === 'basic') {
		const account = ctx.accounts.find(
			(candidate) =>
				candidate.username === credentials.username && candidate.password === credentials.password
		);
		return account ? { sub: account.userId, scopes: [WILDCARD_SCOPE] } : null;
	}
	if (credentials?.scheme === 'bearer') {
		const claims = await ctx.tokens.verify(credentials.token, 'access');
		if (!claims || !ctx.store.isActive(claims.jti)) return null;
		return { sub: claims.sub, scopes: claims.scopes, claims };
	}
	return null;
}

/** Whether a principal holds a scope; `all:any` covers every scope but the system one. */
export function hasScope(principal: Principal, scope: string): boolean {
	if (principal.scopes.includes(scope)) return true;
	return scope !== REFRESH_SCOPE && principal.scopes.includes(WILDCARD_SCOPE);
}
