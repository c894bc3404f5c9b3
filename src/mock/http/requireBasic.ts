import { basicPrincipal, type Principal } from '../auth/authenticate.ts';
import type { MockContext } from '../MockContext.ts';
import { errorResponse } from './errorResponse.ts';
import { parseAuthorization } from './parseAuthorization.ts';

/**
 * The caller, if it sent an account's Basic credentials; otherwise the 401 to send instead. For
 * the operator's endpoints, which no token may call: ending every login or changing the password
 * must not be in reach of a stolen token, whatever its scopes.
 */
export function requireBasic(request: Request, ctx: MockContext): Principal | Response {
	const credentials = parseAuthorization(request.headers.get('authorization'));
	const account =
		credentials?.scheme === 'basic'
			? ctx.accounts.verify(credentials.username, credentials.password)
			: undefined;
	return account ? basicPrincipal(ctx, account.userId) : errorResponse('unauthorized');
}
