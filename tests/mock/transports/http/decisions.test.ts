/**
 * The arguable requests, each decided one way and documented where it is implemented: an encoded
 * slash is never a separator, the mock's controls answer at the root only, HEAD, many small
 * headers.
 */
import { getResponse } from 'msw';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { errorBody } from '../../../../src/mock/contract/errors.ts';
import { MAX_HEADER_BYTES } from '../../../../src/mock/contract/http.ts';
import { createMockApi } from '../../../../src/mock/createMockApi.ts';
import {
	type RunningHttpServer,
	startHttpServer,
} from '../../../../src/mock/transports/http/startHttpServer.ts';
import { basic } from '../../../support/http.ts';
import { testClock } from '../../../support/testClock.ts';
import { rawRequest } from './rawRequest.ts';

const api = createMockApi({ clock: testClock() });
let server: RunningHttpServer;
beforeAll(async () => {
	server = await startHttpServer({ api, port: 0 });
});
afterAll(() => server.close());

describe('an encoded slash (%2F) is data, never a path separator, on every surface', () => {
	test.each([
		['POST', '/auth%2Frefresh'],
		['POST', '/auth%2flogout'],
		['POST', '/3rdparty/v1/auth%2Ftoken'],
		['POST', '/3rdparty/v1/auth/token%2Frefresh'],
		['GET', '/3rdparty/v1%2Fauth/jwks'],
	])('%s %s is 404 over HTTP', async (method, path) => {
		const response = await fetch(`${server.url}${path}`, {
			method,
			headers: { Authorization: basic(), 'X-CSRF': '1', 'Content-Type': 'application/json' },
			...(method === 'POST' ? { body: '{}' } : {}),
		});
		expect(response.status).toBe(404);
		expect(await response.json()).toEqual(errorBody('routeNotFound'));
	});

	test('no handler takes /auth%2Frefresh in the page’s service worker either', async () => {
		const request = new Request('https://docs.example/auth%2Frefresh', {
			method: 'POST',
			headers: { 'X-CSRF': '1' },
		});
		expect(await getResponse(api.handlers, request)).toBeUndefined();
	});
});

describe('the /__mock controls answer at the server’s root only', () => {
	test.each(['/x/__mock/reset', '/3rdparty/v1/__mock/reset', '/auth/__mock/clock'])(
		'POST %s is 404 and does nothing',
		async (path) => {
			const before = api.clock.now();
			const response = await fetch(`${server.url}${path}`, {
				method: 'POST',
				body: '{"advance": 60}',
			});
			expect(response.status).toBe(404);
			expect(await response.json()).toEqual(errorBody('routeNotFound'));
			expect(api.clock.now()).toBe(before);
		}
	);

	test('POST /__mock/clock at the root still works', async () => {
		const before = api.clock.now();
		const response = await fetch(`${server.url}/__mock/clock`, {
			method: 'POST',
			body: '{"advance": 60}',
		});
		expect(response.status).toBe(204);
		expect(api.clock.now()).toBe(before + 60_000);
	});
});

describe('the header limit is the documented 16 KiB of bytes, however many headers', () => {
	const JWKS = '/3rdparty/v1/auth/jwks';
	/** A request whose head is exactly `bytes` long, in headers of about `each` bytes. */
	function headOf(bytes: number, each: number): string {
		const start = `GET ${JWKS} HTTP/1.1\r\nHost: x\r\n`;
		const lines: string[] = [];
		let length = start.length + 2;
		// Room is always left for the padding header (`P: ` + value + CRLF, at least 6 bytes).
		for (let i = 0; length + each + 10 <= bytes; i += 1) {
			const name = `X-${i}`;
			const line = `${name}: ${'v'.repeat(Math.max(1, each - name.length - 4))}\r\n`;
			lines.push(line);
			length += line.length;
		}
		// Pad with one last header so the head is exactly `bytes` long.
		lines.push(`P: ${'p'.repeat(bytes - length - 5)}\r\n`);
		return `${start}${lines.join('')}\r\n`;
	}

	test('about 1,000 small headers (under 10 KB) are served', async () => {
		const head = headOf(10_000, 10);
		expect(head.split('\r\n').length).toBeGreaterThan(900);
		expect((await rawRequest(server.url, [head])).status).toBe(200);
	});

	test.each([
		['many small headers', 10],
		['a few large ones', 2_000],
	])(
		'%s: exactly 16 KiB is served, one byte more is 431 with the error body',
		async (_name, each) => {
			const limit = MAX_HEADER_BYTES;
			const atLimit = headOf(limit, each);
			expect(atLimit.length).toBe(limit);
			expect((await rawRequest(server.url, [atLimit])).status).toBe(200);
			const over = headOf(limit + 1, each);
			expect(over.length).toBe(limit + 1);
			const refused = await rawRequest(server.url, [over]);
			expect(refused.status).toBe(431);
			expect(JSON.parse(refused.body)).toEqual(errorBody('headersTooLarge'));
		}
	);
});
