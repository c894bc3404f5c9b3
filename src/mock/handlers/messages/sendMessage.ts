import { HttpResponse } from 'msw';
import { authenticate, hasScope } from '../../auth/authenticate.ts';
import { SendMessageRequest } from '../../contract/schemas.ts';
import { validate } from '../../contract/validate.ts';
import { errorResponse } from '../../http/errorResponse.ts';
import { readJsonBody } from '../../http/readJsonBody.ts';
import type { RouteResolver } from '../../http/defineRoute.ts';

/** `POST /3rdparty/v1/messages`: accepts a message for sending (202). */
export const sendMessage: RouteResolver = async ({ request, ctx }) => {
	const principal = await authenticate(request, ctx);
	if (!principal) return errorResponse('unauthorized');
	if (!hasScope(principal, 'messages:send')) {
		return errorResponse('scopeRequired', { scope: 'messages:send' });
	}
	const body = await readJsonBody(request);
	if (!body.ok) return errorResponse(body.error);
	const parsed = validate(SendMessageRequest, body.value);
	if (!parsed.ok) return errorResponse(parsed.failure.id, parsed.failure.params);
	const { id, state } = ctx.messages.add(principal.sub);
	return HttpResponse.json({ id, state }, { status: 202 });
};
