import { HttpResponse } from 'msw';
import { stillAuthorized } from '../../auth/authenticate.ts';
import { ChangePasswordRequest } from '../../contract/schemas.ts';
import { errorResponse } from '../../http/errorResponse.ts';
import { NO_STORE_HEADERS } from '../../http/noStore.ts';
import { readBody } from '../../http/readBody.ts';
import { requireBasic } from '../../http/requireBasic.ts';
import type { RouteResolver } from '../../http/defineRoute.ts';

/**
 * `POST /3rdparty/v1/auth/password`: Basic credentials with the current password, the new one in
 * the body. Changes the password and ends everything the account holds (every login, access token
 * and service token) in one synchronous step, so there is no moment at which a thief holding the
 * old password, or a token, still gets in, or at which a login opened with it survives.
 */
export const changePassword: RouteResolver = async ({ request, ctx }) => {
	const principal = requireBasic(request, ctx);
	if (principal instanceof Response) return principal;
	const input = await readBody(request, ChangePasswordRequest);
	if (input instanceof Response) return input;
	if (ctx.accounts.isCurrentPassword(principal.sub, input.new_password)) {
		return errorResponse('invalidNewPassword');
	}
	// Another change landed while the body was read: the password this request proved is gone.
	if (!stillAuthorized(ctx, principal)) return errorResponse('unauthorized');
	ctx.accounts.changePassword(principal.sub, input.new_password);
	ctx.store.revokeAccount(principal.sub);
	return new HttpResponse(null, { status: 204, headers: NO_STORE_HEADERS });
};
