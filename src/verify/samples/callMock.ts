import { getResponse } from 'msw';
import type { MockApi } from '../../mock/createMockApi.ts';

/** The origin in-process requests are addressed to; the handlers match any. */
const ORIGIN = 'https://api.token-pair.example';

/** What to send with {@link callMock}. */
export interface MockCall {
	authorization?: string;
	json?: unknown;
	headers?: Record<string, string>;
}

/**
 * Sends one request straight to a mock's MSW handlers (MSW's `getResponse`, no network and no
 * interception of `fetch`), as the recorder and the fence runner need.
 */
export async function callMock(
	api: MockApi,
	method: string,
	path: string,
	call: MockCall = {}
): Promise<Response> {
	const headers = new Headers(call.headers);
	if (call.authorization !== undefined) headers.set('Authorization', call.authorization);
	if (call.json !== undefined) headers.set('Content-Type', 'application/json');
	const request = new Request(`${ORIGIN}${path}`, {
		method,
		headers,
		...(call.json === undefined ? {} : { body: JSON.stringify(call.json) }),
	});
	const response = await getResponse(api.handlers, request);
	if (!response) throw new Error(`no mock handler answers ${method} ${path}`);
	return response;
}

/** `Authorization` value for an account's Basic credentials. */
export function basicAuthorization(username: string, password: string): string {
	const bytes = new TextEncoder().encode(`${username}:${password}`);
	return `Basic ${btoa(String.fromCharCode(...bytes))}`;
}
