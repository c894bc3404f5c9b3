/**
 * Whatever a client sends (garbage, huge, duplicated or wrongly typed bodies, cookies, ids and
 * credentials), the mock answers with a 4xx from its catalogue, never a 5xx.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, test } from 'vitest';
import { ENDPOINTS } from '../../../src/mock/contract/endpoints.ts';
import { ErrorResponse } from '../../../src/mock/contract/schemas.ts';
import { basic, call } from '../../support/http.ts';
import { BASE_URL, useMockApi } from '../../support/useMockApi.ts';
import { loggedIn } from '../support/sessions.ts';

const api = useMockApi();

afterEach(() => {
	// `defineRoute` turns exceptions into 500s; none may have happened, whatever the test asserted.
	const failures = api.log.entries().filter((exchange) => exchange.response.status >= 500);
	api.log.clear();
	expect(failures.map((exchange) => `${exchange.request.method} ${exchange.request.url}`)).toEqual(
		[]
	);
});

const concrete = (path: string, id: string) => path.replace(/:\w+/g, id);

/** A 4xx with the catalogue's body shape (204s and 2xx are fine too: never a 5xx). */
function expectHandled(result: { status: number; body: unknown }) {
	expect(result.status).toBeLessThan(500);
	if (result.status >= 400) expect(ErrorResponse.safeParse(result.body).success).toBe(true);
}

describe('targeted malformed input', () => {
	const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
	test.each([
		{ name: 'deeply nested arrays', body: nested(5000) },
		{ name: 'deeply nested scopes', body: `{"name":"n","scopes":${nested(5000)}}` },
		{ name: 'a __proto__ key', body: '{"__proto__":{"scopes":["all:any"]},"name":"n"}' },
		{ name: 'a constructor key', body: '{"constructor":{"prototype":1}}' },
		{ name: 'duplicate keys', body: '{"ttl":1,"ttl":-1,"name":"n","scopes":["logs:read"]}' },
		{ name: 'a huge number', body: '{"ttl":1e999}' },
		{ name: 'NaN-ish text', body: '{"ttl":NaN}' },
		{
			name: 'a lone surrogate',
			body: '{"name":"\\ud800","scopes":["logs:read"],"username":"\\ud800"}',
		},
		{ name: 'null', body: 'null' },
		{ name: 'a number', body: '42' },
		{ name: 'scopes of objects', body: '{"name":"n","scopes":[{"toString":"x"}]}' },
		{ name: 'a BOM', body: '\ufeff{"name":"n","scopes":["logs:read"]}' },
	])('$name, sent to every endpoint that reads a body', async ({ body }) => {
		for (const endpoint of ENDPOINTS.filter((candidate) => candidate.method !== 'GET')) {
			const result = await call(endpoint.method, concrete(endpoint.path, 'x'), {
				authorization: basic(),
				body,
				headers: { 'Content-Type': 'application/json', 'X-CSRF': '1' },
			});
			expectHandled(result);
		}
	});

	test('bytes that are not UTF-8 are a 400', async () => {
		for (const path of ['/3rdparty/v1/service-tokens', '/auth/login']) {
			const response = await fetch(`${BASE_URL}${path}`, {
				method: 'POST',
				headers: { Authorization: basic(), 'Content-Type': 'application/json' },
				body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]),
			});
			expect(response.status).toBe(400);
		}
	});

	test('a lying Content-Length does not matter', async () => {
		const response = await fetch(`${BASE_URL}/auth/login`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', 'Content-Length': '99999999' },
			body: '{}',
		}).catch(() => undefined);
		// undici may refuse to send it at all; if it is sent, the mock must not fall over.
		if (response) expect(response.status).toBeLessThan(500);
		else expect(response).toBeUndefined();
	});

	test.each([
		{
			name: 'many cookies',
			cookie: Array.from({ length: 500 }, (_, i) => `c${i}=${i}`).join('; '),
		},
		{ name: 'a cookie with no name', cookie: '=refresh_token' },
		{ name: 'only separators', cookie: ';;;; ; ;' },
		{ name: 'a quoted JWT', cookie: 'refresh_token="a.b.c"' },
		{ name: 'a cookie name with a prefix', cookie: '__Host-refresh_token=a.b.c' },
		{ name: 'a 60 KB cookie', cookie: `refresh_token=${'a'.repeat(60_000)}` },
	])('cookies: $name', async ({ cookie }) => {
		for (const path of ['/auth/refresh', '/auth/logout', '/auth/login']) {
			const result = await call('POST', path, {
				headers: { Cookie: cookie, 'X-CSRF': '1' },
				json: { username: 'demo', password: 'demo-password' },
			});
			expectHandled(result);
		}
	});

	test('a genuine cookie next to garbage duplicates', async () => {
		const { refreshToken } = await loggedIn();
		const result = await call('POST', '/auth/refresh', {
			headers: { Cookie: `refresh_token=${refreshToken}; refresh_token=%%%`, 'X-CSRF': '1' },
		});
		expect(result.status).toBe(401);
	});
});

describe('random input, every endpoint', () => {
	const printable = fc.string({ unit: 'binary-ascii', maxLength: 200 }).map((text) =>
		// Header values must be ByteStrings without CR, LF or NUL, or fetch itself throws.
		text.replace(/[\x00-\x1f\x7f]/g, '').trim()
	);
	const body = fc.oneof(
		fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value) ?? 'null'),
		fc.string({ maxLength: 300 }),
		fc
			.record(
				{
					name: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
					scopes: fc.array(
						fc.oneof(fc.constantFrom('messages:send', 'all:any', 'tokens:refresh'), fc.string())
					),
					ttl: fc.oneof(fc.integer(), fc.double(), fc.string()),
					username: fc.oneof(fc.constant('demo'), fc.string()),
					password: fc.oneof(fc.constant('demo-password'), fc.string()),
				},
				{ requiredKeys: [] }
			)
			.map((value) => JSON.stringify(value))
	);
	const authorization = fc.oneof(
		fc.constant(basic()),
		fc.constant(basic('other', 'other-password')),
		printable.map((text) => `Bearer ${text}`),
		printable.map((text) => `Basic ${text}`),
		printable
	);
	const id = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }).map(encodeURIComponent);
	const cookie = fc.oneof(
		printable.map((text) => `refresh_token=${text}`),
		printable,
		fc.tuple(printable, printable).map(([a, b]) => `refresh_token=${a}; refresh_token=${b}`)
	);

	test.each(
		ENDPOINTS.map((endpoint) => ({ ...endpoint, name: `${endpoint.method} ${endpoint.path}` }))
	)('$name never answers 5xx', async (endpoint) => {
		await fc.assert(
			fc.asyncProperty(
				body,
				authorization,
				id,
				cookie,
				printable,
				async (text, auth, pathId, jar, csrf) => {
					const headers: Record<string, string> = {
						'Content-Type': 'application/json',
						Cookie: jar,
					};
					if (csrf !== '') headers['X-CSRF'] = csrf;
					const result = await call(endpoint.method, concrete(endpoint.path, pathId), {
						...(auth === '' ? {} : { authorization: auth }),
						...(endpoint.method === 'GET' ? {} : { body: text }),
						headers,
					});
					expect(result.status).toBeLessThan(500);
				}
			),
			{ numRuns: 40 }
		);
	});
});
