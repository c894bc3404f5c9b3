import type { RouteResolver } from './defineRoute.ts';

/**
 * **[design]** `HEAD` wherever `GET` works (RFC 9110 §9.3.2): the resolver answers the same
 * request as a `GET`, and the client gets that answer's status and header fields without its body.
 * So a `HEAD` never does more than the `GET` would, and its `Content-Length` is the `GET`'s.
 */
export function headOf(resolveGet: RouteResolver): RouteResolver {
	return async (input) => {
		const asGet = new Request(input.request, { method: 'GET' });
		const answer = await resolveGet({ ...input, request: asGet });
		const body = await answer.arrayBuffer();
		const headers = new Headers(answer.headers);
		if (body.byteLength > 0) headers.set('Content-Length', String(body.byteLength));
		return new Response(null, { status: answer.status, headers });
	};
}
