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
	/** The account's revocation epoch when the caller authenticated (see {@link stillAuthorized}). */
	epoch: number;
}

/**
 * Identifies the caller from `Authorization`: Basic credentials of an account, or a genuine,
 * unrevoked access token (service tokens included). Refresh tokens are not access tokens: `null`.
 *
 * Basic credentials carry the account's current grants: `all:any` for an account that holds
 * everything (every default account), otherwise the list of scopes it still holds. So `all:any`
 * from Basic is always limited to what the account is granted.
 */
export async function authenticate(request: Request, ctx: MockContext): Promise<Principal | null> {
	const credentials = parseAuthorization(request.headers.get('authorization'));
	if (credentials?.scheme === 'basic') {
		const account = ctx.accounts.verify(credentials.username, credentials.password);
		return account ? basicPrincipal(ctx, account.userId) : null;
	}
	if (credentials?.scheme === 'bearer') {
		const claims = await ctx.tokens.verify(credentials.token, 'access');
		if (!claims || !ctx.store.isActive(claims.jti)) return null;
		return { sub: claims.sub, scopes: claims.scopes, claims, epoch: ctx.store.epoch(claims.sub) };
	}
	return null;
}

/** The principal of an account that proved its password (Basic, or the login form). */
export function basicPrincipal(ctx: MockContext, userId: string): Principal {
	return { sub: userId, scopes: ctx.accounts.grants(userId), epoch: ctx.store.epoch(userId) };
}

/**
 * Whether what a principal proved when its request began still holds: its account's tokens have
 * not been ended since (a password change, the end of every login), and its token, if it used one,
 * is still active. Checked in the same synchronous step that stores a new token, so a request
 * authenticated just before a password change cannot leave a live login behind it.
 */
export function stillAuthorized(ctx: MockContext, principal: Principal): boolean {
	if (ctx.store.epoch(principal.sub) !== principal.epoch) return false;
	return principal.claims === undefined || ctx.store.isActive(principal.claims.jti);
}

/** Whether a principal's credential holds a scope; `all:any` covers all but the system scope. */
export function hasScope(principal: Principal, scope: string): boolean {
	if (principal.scopes.includes(scope)) return true;
	return scope !== REFRESH_SCOPE && principal.scopes.includes(WILDCARD_SCOPE);
}

/**
 * Whether a principal may put a scope into a new token: its credential must hold the scope (a
 * token hands out only what it holds, or `tokens:manage` would be a master key) and its account
 * must still be granted it (a bearer token minted before a role was taken away keeps working until
 * it expires, but mints nothing with that role).
 */
export function mayGrant(ctx: MockContext, principal: Principal, scope: string): boolean {
	return hasScope(principal, scope) && ctx.accounts.covers(principal.sub, scope);
}
