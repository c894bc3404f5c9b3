import type { ApiErrorBody } from '../../contract/errors.ts';

/**
 * An error the HTTP transport answers itself, before any handler could (a request line Node
 * rejected, a body over the cap, a path no handler knows), in the contract's error body shape so
 * clients parse every non-2xx the same way.
 */
export function transportError(body: ApiErrorBody, headers: Record<string, string> = {}): Response {
	return Response.json(body, {
		status: body.code,
		headers: { 'Cache-Control': 'no-store', ...headers },
	});
}
