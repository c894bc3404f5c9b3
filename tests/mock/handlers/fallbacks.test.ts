import { expect, test } from 'vitest';
import { basic, call } from '../../support/http.ts';
import { useMockApi } from '../../support/useMockApi.ts';

useMockApi();

test.each([
	{ method: 'GET', path: '/3rdparty/v1/auth/token', allow: 'POST' },
	{ method: 'PUT', path: '/3rdparty/v1/auth/token/refresh', allow: 'POST' },
	{ method: 'POST', path: '/3rdparty/v1/auth/jwks', allow: 'GET' },
	{ method: 'PATCH', path: '/3rdparty/v1/messages', allow: 'POST' },
])('$method $path is 405 with Allow: $allow', async ({ method, path, allow }) => {
	const result = await call(method, path, { authorization: basic() });
	expect(result.status).toBe(405);
	expect(result.headers.get('allow')).toBe(allow);
	expect(result.body).toEqual({ message: 'Method Not Allowed', code: 405 });
});

test('an unknown path under /3rdparty/v1 is 404 with the error body', async () => {
	const result = await call('GET', '/3rdparty/v1/nothing/here', { authorization: basic() });
	expect(result).toMatchObject({ status: 404, body: { message: 'Not Found', code: 404 } });
});
