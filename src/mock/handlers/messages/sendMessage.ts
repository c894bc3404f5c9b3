import { HttpResponse } from 'msw';
import { SendMessageRequest } from '../../contract/schemas.ts';
import { requireCaller } from '../../http/requireCaller.ts';
import { readBody } from '../../http/readBody.ts';
import type { RouteResolver } from '../../http/defineRoute.ts';

/** `POST /3rdparty/v1/messages`: accepts a message for sending (202). */
export const sendMessage: RouteResolver = async ({ request, ctx }) => {
	const principal = await requireCaller(request, ctx, 'messages:send');
	if (principal instanceof Response) return principal;
	const input = await readBody(request, SendMessageRequest);
	if (input instanceof Response) return input;
	const { id, state } = ctx.messages.add(principal.sub);
	return HttpResponse.json({ id, state }, { status: 202 });
};
