import { HttpResponse } from 'msw';
import { errorResponse } from '../../http/errorResponse.ts';
import { requireCaller } from '../../http/requireCaller.ts';
import type { RouteResolver } from '../../http/defineRoute.ts';

/** `GET /3rdparty/v1/messages/{id}`: a message's state. */
export const getMessage: RouteResolver = async ({ request, params, ctx }) => {
	const principal = await requireCaller(request, ctx, 'messages:read');
	if (principal instanceof Response) return principal;
	const message = ctx.messages.get(params['id'] ?? '', principal.sub);
	if (!message) return errorResponse('messageNotFound');
	return HttpResponse.json({ id: message.id, state: message.state });
};
