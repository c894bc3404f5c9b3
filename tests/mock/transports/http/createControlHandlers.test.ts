import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { ErrorResponse } from '../../../../src/mock/contract/schemas.ts';
import { createMockApi } from '../../../../src/mock/createMockApi.ts';
import {
	MAX_CLOCK_OFFSET_SECONDS,
	readAdvance,
} from '../../../../src/mock/transports/http/createControlHandlers.ts';
import {
	startHttpServer,
	type RunningHttpServer,
} from '../../../../src/mock/transports/http/startHttpServer.ts';
import { testClock } from '../../../support/testClock.ts';

const api = createMockApi({ clock: testClock() });
let server: RunningHttpServer;
beforeAll(async () => {
	server = await startHttpServer({ api, port: 0 });
});
afterEach(() => api.reset());
afterAll(() => server.close());

const post = (path: string, body?: string) =>
	fetch(`${server.url}${path}`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		...(body === undefined ? {} : { body }),
	});

describe('POST /__mock/clock', () => {
	test('moves the mock clock forward and answers 204 dated at the new time', async () => {
		const before = api.clock.now();
		const response = await post('/__mock/clock', '{"advance": 900}');
		expect(response.status).toBe(204);
		expect(await response.text()).toBe('');
		expect(api.clock.offsetSeconds).toBe(900);
		const dated = Date.parse(response.headers.get('date') ?? '');
		expect(dated - before).toBeGreaterThanOrEqual(899_000);
	});

	test('an access token is refused once the clock passes its expiry', async () => {
		const issued = await fetch(`${server.url}/3rdparty/v1/auth/token`, {
			method: 'POST',
			headers: { Authorization: `Basic ${btoa('demo:demo-password')}` },
			body: '{"scopes":["messages:read"]}',
		});
		const { access_token: token } = (await issued.json()) as { access_token: string };
		const read = () =>
			fetch(`${server.url}/3rdparty/v1/messages/x`, {
				headers: { Authorization: `Bearer ${token}` },
			}).then((r) => r.status);
		expect(await read()).toBe(404);
		await post('/__mock/clock', '{"advance": 900}');
		expect(await read()).toBe(401);
	});

	test.each([
		[
			'not JSON',
			'{',
			{
				error: 'invalid_body',
				message: 'invalid params: body must be a JSON object',
				code: 400,
				data: { field: 'body' },
			},
		],
		[
			'empty',
			'',
			{
				error: 'invalid_body',
				message: 'invalid params: body must be a JSON object',
				code: 400,
				data: { field: 'body' },
			},
		],
		[
			'an array',
			'[900]',
			{
				error: 'invalid_body',
				message: 'invalid params: body must be a JSON object',
				code: 400,
				data: { field: 'body' },
			},
		],
		[
			'an unknown field',
			'{"advance": 1, "seconds": 2}',
			{
				error: 'unknown_field',
				message: 'invalid params: unknown field seconds',
				code: 400,
				data: { field: 'seconds' },
			},
		],
		['no advance', '{}', null],
		['a string', '{"advance": "900"}', null],
		['negative', '{"advance": -1}', null],
		['beyond a century', `{"advance": ${MAX_CLOCK_OFFSET_SECONDS + 1}}`, null],
		['a huge number', '{"advance": 1e308}', null],
		['null', '{"advance": null}', null],
	])(
		'%s is 400 in the contract’s error shape, and the clock stays put',
		async (_name, body, expected) => {
			const response = await post('/__mock/clock', body);
			expect(response.status).toBe(400);
			const json: unknown = await response.json();
			expect(ErrorResponse.safeParse(json).success).toBe(true);
			expect(json).toEqual(
				expected ?? {
					error: 'invalid_advance',
					message: `invalid params: advance must be a number of seconds from 0 to ${MAX_CLOCK_OFFSET_SECONDS}`,
					code: 400,
					data: { field: 'advance' },
				}
			);
			expect(api.clock.offsetSeconds).toBe(0);
		}
	);

	test('the total advance is capped, so dates stay formattable', () => {
		expect(readAdvance('{"advance": 10}', MAX_CLOCK_OFFSET_SECONDS - 5)).toMatchObject({
			ok: false,
		});
		expect(readAdvance('{"advance": 5}', MAX_CLOCK_OFFSET_SECONDS - 5)).toEqual({
			ok: true,
			seconds: 5,
		});
	});

	test('GET is 405 with Allow: POST', async () => {
		const response = await fetch(`${server.url}/__mock/clock`);
		expect(response.status).toBe(405);
		expect(response.headers.get('allow')).toBe('POST');
	});

	test('is never logged as an API exchange', async () => {
		await post('/__mock/clock', '{"advance": 1}');
		expect(api.log.entries()).toEqual([]);
	});
});

describe('POST /__mock/reset', () => {
	test('forgets tokens and clock moves: a token from before is refused', async () => {
		const issued = await fetch(`${server.url}/3rdparty/v1/auth/token`, {
			method: 'POST',
			headers: { Authorization: `Basic ${btoa('demo:demo-password')}` },
			body: '{"scopes":["messages:read"]}',
		});
		const { access_token: token } = (await issued.json()) as { access_token: string };
		api.clock.advance(60);
		expect((await post('/__mock/reset')).status).toBe(204);
		expect(api.clock.offsetSeconds).toBe(0);
		const read = await fetch(`${server.url}/3rdparty/v1/messages/x`, {
			headers: { Authorization: `Bearer ${token}` },
		});
		expect(read.status).toBe(401);
	});
});
