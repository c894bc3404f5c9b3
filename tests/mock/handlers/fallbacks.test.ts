import { getResponse } from 'msw';
import { describe, expect, test } from 'vitest';
import { MAX_URL_LENGTH } from '../../../src/mock/contract/endpoints.ts';
import { errorBody } from '../../../src/mock/contract/errors.ts';
import { basic, call } from '../../support/http.ts';
import { BASE_URL, useMockApi } from '../../support/useMockApi.ts';

const api = useMockApi();

test.each([
	{ method: 'GET', path: '/3rdparty/v1/auth/token', allow: 'POST' },
	{ method: 'PUT', path: '/3rdparty/v1/auth/token/refresh', allow: 'POST' },
	{ method: 'POST', path: '/3rdparty/v1/auth/jwks', allow: 'GET, HEAD' },
	{ method: 'PATCH', path: '/3rdparty/v1/messages', allow: 'POST' },
	{ method: 'DELETE', path: '/3rdparty/v1/service-tokens', allow: 'POST, GET, HEAD' },
	{ method: 'GET', path: '/3rdparty/v1/service-tokens/abc/renew', allow: 'POST' },
	{ method: 'GET', path: '/auth/login', allow: 'POST' },
	{ method: 'PUT', path: '/auth/refresh', allow: 'POST' },
	{ method: 'DELETE', path: '/auth/logout', allow: 'POST' },
])('$method $path is 405 with Allow: $allow', async ({ method, path, allow }) => {
	const result = await call(method, path, { authorization: basic() });
	expect(result.status).toBe(405);
	expect(result.headers.get('allow')).toBe(allow);
	expect(result.body).toEqual({
		error: 'method_not_allowed',
		message: 'Method Not Allowed',
		code: 405,
	});
});

test.each([
	'/3rdparty/v1/nothing/here',
	'/3rdparty/v1/service-tokens/abc',
	'/3rdparty/v1/service-tokens/abc/renew/now',
	// Session paths live at the root; under the API prefix they are unknown API paths.
	'/3rdparty/v1/auth/login',
	'/3rdparty/v1/auth/refresh',
	'/3rdparty/v1/auth/logout',
])('POST %s is 404 with the error body', async (path) => {
	const result = await call('POST', path, { authorization: basic(), json: {} });
	expect(result).toMatchObject({
		status: 404,
		body: { error: 'not_found', message: 'Not Found', code: 404 },
	});
});

test.each([
	'https://docs.example/docs/auth/',
	'https://docs.example/docs/auth/login',
	'https://docs.example/docs/guides/auth/refresh/',
	'https://docs.example/auth/',
	'https://docs.example/auth/session',
	'https://docs.example/auth/login/extra',
	'https://docs.example/pagefind/auth/logout.pf_fragment',
])('the docs site URL %s is left to the network (no handler answers it)', async (url) => {
	for (const method of ['GET', 'POST']) {
		expect(await getResponse(api.handlers, new Request(url, { method }))).toBeUndefined();
	}
});

test('the session paths are answered at the root of any origin', async () => {
	for (const origin of ['https://docs.example', 'http://localhost:4321']) {
		const response = await getResponse(
			api.handlers,
			new Request(`${origin}/auth/logout`, { method: 'POST', headers: { 'X-CSRF': '1' } })
		);
		expect(response?.status).toBe(204);
	}
});

test('DELETE on the refresh path is 405 Allow: POST, not the revocation of a jti "refresh"', async () => {
	const result = await call('DELETE', '/3rdparty/v1/auth/token/refresh', {
		authorization: basic(),
	});
	expect(result.status).toBe(405);
	expect(result.headers.get('allow')).toBe('POST');
});

test.each(['PROPFIND', 'PURGE', 'PATCH', 'OPTIONS'])(
	'an odd method (%s) is 405 with Allow on a known path, 404 on an unknown API path',
	async (method) => {
		const known = await call(method, '/3rdparty/v1/messages');
		expect(known.status).toBe(405);
		expect(known.headers.get('allow')).toBe('POST');
		expect((await call(method, '/3rdparty/v1/nothing')).status).toBe(404);
	}
);

describe('URLs over the limit', () => {
	const long = (length: number) => `/3rdparty/v1/messages/${'a'.repeat(length)}`;

	test('a URL over MAX_URL_LENGTH is 414 with the error body, whatever the path', async () => {
		for (const path of [
			long(MAX_URL_LENGTH),
			`/auth/login?${'q'.repeat(MAX_URL_LENGTH)}`,
			`/3rdparty/v1/x/${'y'.repeat(20_000)}`,
		]) {
			const result = await call('POST', path, { authorization: basic() });
			expect(result.status).toBe(414);
			expect(result.body).toEqual(errorBody('uriTooLong'));
		}
	});

	test('one at the limit is still matched as usual', async () => {
		const base = 'https://api.token-pair.test';
		const prefix = '/3rdparty/v1/messages/';
		const path = `${prefix}${'a'.repeat(MAX_URL_LENGTH - base.length - prefix.length)}`;
		expect(`${base}${path}`).toHaveLength(MAX_URL_LENGTH);
		expect((await call('GET', path)).status).toBe(401);
	});

	test('a long URL of the docs site is left to the network', async () => {
		const url = `https://docs.example/search?q=${'a'.repeat(MAX_URL_LENGTH)}`;
		expect(await getResponse(api.handlers, new Request(url))).toBeUndefined();
	});
});

test.each(['/3rdparty/v1/messages/', '/3rdparty/v1/auth/token/'])(
	'%s, a contract path with a trailing slash, is an unknown path (404), not a 405',
	async (path) => {
		expect((await call('GET', path)).status).toBe(404);
	}
);

test.each([
	['/3rdparty/v1/auth/jwks', 200],
	['/3rdparty/v1/service-tokens', 200],
	['/3rdparty/v1/messages/none', 404],
])('HEAD %s answers as GET would (%i), without a body', async (path, status) => {
	const get = await call('GET', path, { authorization: basic() });
	const head = await fetch(`${BASE_URL}${path}`, {
		method: 'HEAD',
		headers: { Authorization: basic() },
	});
	expect(get.status).toBe(status);
	expect(head.status).toBe(status);
	expect(await head.text()).toBe('');
	expect(head.headers.get('content-type')).toBe(get.headers.get('content-type'));
});
