import { HttpResponse } from 'msw';
import { NO_STORE_HEADERS } from '../../http/noStore.ts';
import { requireBasic } from '../../http/requireBasic.ts';
import type { RouteResolver } from '../../http/defineRoute.ts';

/**
 * `POST /3rdparty/v1/auth/logins/revoke`: ends everything the account holds, in one step: every
 * login (token family) on both surfaces, whoever opened it and whether or not anyone recorded its
 * id, every access token, and every service token. Basic credentials only. The password is left as
 * it is: when it may be stolen, change it instead (`POST /3rdparty/v1/auth/password`), which does
 * this too.
 */
export const revokeAllLogins: RouteResolver = async ({ request, ctx }) => {
	const principal = requireBasic(request, ctx);
	if (principal instanceof Response) return principal;
	ctx.store.revokeAccount(principal.sub);
	return new HttpResponse(null, { status: 204, headers: NO_STORE_HEADERS });
};
