import { HttpResponse } from 'msw';
import { type ApiErrorId, errorBody, errorStatus } from '../contract/errors.ts';

/** A JSON error response built from the contract's catalogue. */
export function errorResponse(
	id: ApiErrorId,
	params: Record<string, string | number | readonly string[]> = {},
	headers: Record<string, string> = {}
): Response {
	const status = errorStatus(id);
	// RFC 6750 §3: a 401 names the scheme the client should use.
	const challenge: Record<string, string> = status === 401 ? { 'WWW-Authenticate': 'Bearer' } : {};
	return HttpResponse.json(errorBody(id, params), {
		status,
		headers: { 'Cache-Control': 'no-store', ...challenge, ...headers },
	});
}
