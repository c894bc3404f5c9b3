import { authenticate, hasScope, type Principal } from '../auth/authenticate.ts';
import type { MockContext } from '../MockContext.ts';
import { errorResponse } from './errorResponse.ts';

/**
 * The caller, if it authenticates and holds `scope`; otherwise the response to send instead:
 * 401 for no valid credentials, then 403 naming the scope. Authentication always comes first, so
 * the body of an unauthenticated request is never read.
 */
export async function requireCaller(
	request: Request,
	ctx: MockContext,
	scope: string
): Promise<Principal | Response> {
	const principal = await authenticate(request, ctx);
	if (!principal) return errorResponse('unauthorized');
	if (!hasScope(principal, scope)) return errorResponse('scopeRequired', { scope });
	return principal;
}
