import { HttpResponse } from 'msw';
import { type ApiErrorId, errorBody, errorStatus } from '../contract/errors.ts';
import { CHALLENGE, NO_STORE } from '../contract/http.ts';

/** A JSON error response built from the contract's catalogue. */
export function errorResponse(
	id: ApiErrorId,
	params: Record<string, string | number | readonly string[]> = {},
	headers: Record<string, string> = {}
): Response {
	const status = errorStatus(id);
	const challenge: Record<string, string> =
		status === 401 ? { [CHALLENGE.name]: CHALLENGE.value } : {};
	return HttpResponse.json(errorBody(id, params), {
		status,
		headers: { [NO_STORE.name]: NO_STORE.value, ...challenge, ...headers },
	});
}
