import { getResponse, type RequestHandler } from 'msw';
import { BASE_URL } from './useMockApi.ts';

/** What {@link direct} answers: status, headers, the parsed body and the raw `Set-Cookie`s. */
export interface DirectResult {
	status: number;
	headers: Headers;
	body: any;
	setCookies: string[];
}

/**
 * Sends one request straight to a set of MSW handlers, with no `fetch` interception, so a test
 * can drive two mock instances (two "tabs") side by side. `undefined` when no handler answers.
 */
export async function direct(
	handlers: readonly RequestHandler[],
	method: string,
	path: string,
	options: { authorization?: string; json?: unknown; cookie?: string; csrf?: boolean } = {}
): Promise<DirectResult | undefined> {
	const headers = new Headers();
	if (options.authorization !== undefined) headers.set('Authorization', options.authorization);
	if (options.cookie !== undefined) headers.set('Cookie', options.cookie);
	if (options.csrf) headers.set('X-CSRF', '1');
	if (options.json !== undefined) headers.set('Content-Type', 'application/json');
	const request = new Request(`${BASE_URL}${path}`, {
		method,
		headers,
		...(options.json === undefined ? {} : { body: JSON.stringify(options.json) }),
	});
	const response = await getResponse([...handlers], request);
	if (!response) return undefined;
	const text = await response.text();
	return {
		status: response.status,
		headers: response.headers,
		body: text ? JSON.parse(text) : null,
		setCookies: response.headers.getSetCookie(),
	};
}

/** Like {@link direct}, but fails the test when no handler answers. */
export async function answered(...args: Parameters<typeof direct>): Promise<DirectResult> {
	const result = await direct(...args);
	if (!result) throw new Error(`no handler answered ${args[1]} ${args[2]}`);
	return result;
}
