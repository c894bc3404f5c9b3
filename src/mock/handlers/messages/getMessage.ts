import { HttpResponse } from 'msw';
import { authenticate, hasScope } from '../../auth/authenticate.ts';
import { errorResponse } from '../../http/errorResponse.ts';
import type { RouteResolver } from '../../http/defineRoute.ts';

/** `GET /3rdparty/v1/messages/{id}`: a message's state. */
export const getMessage: RouteResolver = async ({ request, params, ctx }) => {
	const principal = await authenticate(request, ctx);
	if (!principal) return errorResponse('unauthorized');
	if (!hasScope(principal, 'messages:read')) {
		return errorResponse('scopeRequired', { scope: 'messages:read' });
	}
	const message = ctx.messages.get(params['id'] ?? '', principal.sub);
	if (!message) return errorResponse('messageNotFound');
	return HttpResponse.json({ id: message.id, state: message.state });
};
