import { BASE_URL, DEMO } from './useMockApi.ts';

/** `Authorization` value for Basic credentials. */
export function basic(username: string = DEMO.username, password: string = DEMO.password): string {
	return `Basic ${btoa(`${username}:${password}`)}`;
}

/** `Authorization` value for a bearer token. */
export function bearer(token: string): string {
	return `Bearer ${token}`;
}

/** A request to the mock with an optional `Authorization` and JSON body; returns status and body. */
export async function call(
	method: string,
	path: string,
	options: {
		authorization?: string;
		json?: unknown;
		body?: string;
		headers?: Record<string, string>;
	} = {}
): Promise<{ status: number; headers: Headers; body: any }> {
	const headers: Record<string, string> = { ...options.headers };
	if (options.authorization !== undefined) headers['Authorization'] = options.authorization;
	let body: string | undefined = options.body;
	if (options.json !== undefined) {
		headers['Content-Type'] = 'application/json';
		body = JSON.stringify(options.json);
	}
	const response = await fetch(`${BASE_URL}${path}`, {
		method,
		headers,
		...(body === undefined ? {} : { body }),
	});
	const text = await response.text();
	return {
		status: response.status,
		headers: response.headers,
		body: text ? JSON.parse(text) : null,
	};
}

/** Issues a pair for the demo account with Basic credentials. */
export async function issuePair(
	scopes: string[] = ['messages:send', 'messages:read'],
	ttl?: number
) {
	const result = await call('POST', '/3rdparty/v1/auth/token', {
		authorization: basic(),
		json: ttl === undefined ? { scopes } : { scopes, ttl },
	});
	if (result.status !== 201)
		throw new Error(`issue failed: ${result.status} ${JSON.stringify(result.body)}`);
	return result.body as {
		id: string;
		token_type: 'Bearer';
		access_token: string;
		refresh_token: string;
		expires_at: string;
	};
}

/** Spends a refresh token. */
export function refresh(refreshToken: string) {
	return call('POST', '/3rdparty/v1/auth/token/refresh', { authorization: bearer(refreshToken) });
}
