/**
 * The arguable requests, each decided one way and documented where it is implemented: an encoded
 * slash is never a separator, the mock's controls answer at the root only, HEAD, many small
 * headers.
 */
import { getResponse } from 'msw';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { errorBody } from '../../../../src/mock/contract/errors.ts';
import { createMockApi } from '../../../../src/mock/createMockApi.ts';
import {
	type RunningHttpServer,
	startHttpServer,
} from '../../../../src/mock/transports/http/startHttpServer.ts';
import { testClock } from '../../../support/testClock.ts';

const api = createMockApi({ clock: testClock() });
let server: RunningHttpServer;
beforeAll(async () => {
	server = await startHttpServer({ api, port: 0 });
});
afterAll(() => server.close());

const basic = `Basic ${btoa('demo:demo-password')}`;

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
			headers: { Authorization: basic, 'X-CSRF': '1', 'Content-Type': 'application/json' },
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
