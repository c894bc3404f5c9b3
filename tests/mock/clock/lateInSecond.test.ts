/**
 * The regression harness for a flake class: a test started late in a second (millisecond 970 to
 * 999), where the wall clock ticks over between two reads. `useMockApi` freezes the mock's clock,
 * so suites no longer meet it; this file keeps both halves of the bug under watch:
 * - a request reads the clock once, even from a source that ticks at every read;
 * - expiry boundaries hold to the second, whatever millisecond the test's clock starts at.
 */
import { describe, expect, test } from 'vitest';
import { Clock } from '../../../src/mock/clock/Clock.ts';
import { LIFETIMES } from '../../../src/mock/contract/lifetimes.ts';
import { createMockApi, type MockApi } from '../../../src/mock/createMockApi.ts';
import { answered } from '../../support/direct.ts';
import { payloadOf } from '../../support/forge.ts';
import { basic, bearer } from '../../support/http.ts';
import { lateInSecond, START, testClock } from '../../support/testClock.ts';
import { DEMO } from '../../support/useMockApi.ts';

const LATE_MILLISECONDS = [970, 980, 990, 995, 999];
const MESSAGE = { phoneNumbers: ['+15550100'], textMessage: { text: 'Hello' } };

const secondOf = (ms: number) => Math.floor(ms / 1000);
const dateHeader = (headers: Headers) => Date.parse(headers.get('date') ?? '');

async function issue(api: MockApi, json: unknown = { scopes: ['messages:send', 'messages:read'] }) {
	return answered(api.handlers, 'POST', '/3rdparty/v1/auth/token', {
		authorization: basic(),
		json,
	});
}

function cookieToken(setCookie: string | undefined): string {
	return /^refresh_token=([^;]*)/.exec(setCookie ?? '')?.[1] ?? '';
}

describe('the harness', () => {
	test('ticks over a second within two reads when started at millisecond 999', () => {
		const read = lateInSecond(999);
		expect(secondOf(read())).not.toBe(secondOf(read()));
	});

	test.each([-1, 1000, 1.5])('refuses millisecond %s', (millisecond) => {
		expect(() => lateInSecond(millisecond)).toThrow(RangeError);
	});
});

describe.each(LATE_MILLISECONDS)(
	'a request reads the clock once (source ticking from .%i)',
	(ms) => {
		const fresh = () => createMockApi({ clock: new Clock(lateInSecond(ms)) });

		test('a login: Max-Age is 30 days and expires_in 900 s exactly, iat the second of Date', async () => {
			const api = fresh();
			const result = await answered(api.handlers, 'POST', '/auth/login', { json: DEMO });
			expect(result.status).toBe(200);
			expect(result.body.expires_in).toBe(LIFETIMES.accessToken);
			expect(result.setCookies[0]).toMatch(new RegExp(`; Max-Age=${LIFETIMES.refreshToken}$`));
			const iat = Number(payloadOf(result.body.access_token)['iat']);
			expect(iat * 1000).toBe(dateHeader(result.headers));
			expect(payloadOf(cookieToken(result.setCookies[0]))['iat']).toBe(iat);
		});

		test('a token pair: expires_at is Date plus 900 s, and the log entry is the same instant', async () => {
			const api = fresh();
			const result = await issue(api);
			expect(result.status).toBe(201);
			expect(Date.parse(result.body.expires_at) - dateHeader(result.headers)).toBe(900_000);
			const [entry] = api.log.entries();
			expect(secondOf(entry?.at ?? 0) * 1000).toBe(dateHeader(result.headers));
		});

		test('a service token: exp - iat is the ttl and iat the second of Date', async () => {
			const api = fresh();
			const result = await answered(api.handlers, 'POST', '/3rdparty/v1/service-tokens', {
				authorization: basic(),
				json: { name: 'late', scopes: ['messages:send'], ttl: 3600 },
			});
			expect(result.status).toBe(201);
			const claims = payloadOf(result.body.token);
			expect(Number(claims['exp']) - Number(claims['iat'])).toBe(3600);
			expect(Number(claims['iat']) * 1000).toBe(dateHeader(result.headers));
		});
	}
);

describe.each(LATE_MILLISECONDS)('boundaries hold to the second (clock frozen at .%i)', (ms) => {
	const fresh = () => createMockApi({ clock: testClock(START.getTime() + ms) });
	const read = (api: MockApi, token: string) =>
		answered(api.handlers, 'GET', '/3rdparty/v1/messages/none', {
			authorization: bearer(token),
		});

	test('an access token works at exp - 1 s and is refused at exp', async () => {
		const api = fresh();
		const pair = (await issue(api)).body;
		api.clock.advance(LIFETIMES.accessToken - 1);
		expect((await read(api, pair.access_token)).status).toBe(404);
		api.clock.advance(1);
		expect((await read(api, pair.access_token)).status).toBe(401);
	});

	test('a service token and its renewal: the original lives to its own exp, not a second more', async () => {
		const api = fresh();
		const original = await answered(api.handlers, 'POST', '/3rdparty/v1/service-tokens', {
			authorization: basic(),
			json: { name: 'late', scopes: ['messages:send'], ttl: 3600 },
		});
		const send = (token: string) =>
			answered(api.handlers, 'POST', '/3rdparty/v1/messages', {
				authorization: bearer(token),
				json: MESSAGE,
			});
		api.clock.advance(1800);
		const renewed = await answered(
			api.handlers,
			'POST',
			`/3rdparty/v1/service-tokens/${original.body.id}/renew`,
			{ authorization: basic(), json: {} }
		);
		expect(renewed.status).toBe(201);
		api.clock.advance(1799);
		expect((await send(original.body.token)).status).toBe(202);
		api.clock.advance(1);
		expect((await send(original.body.token)).status).toBe(401);
		expect((await send(renewed.body.token)).status).toBe(202);
	});

	test('a refresh token rotates at exp - 1 s and is refused at exp', async () => {
		const api = fresh();
		const refresh = (token: string) =>
			answered(api.handlers, 'POST', '/3rdparty/v1/auth/token/refresh', {
				authorization: bearer(token),
			});
		const first = (await issue(api)).body;
		const second = (await issue(api)).body;
		api.clock.advance(LIFETIMES.refreshToken - 1);
		expect((await refresh(first.refresh_token)).status).toBe(201);
		api.clock.advance(1);
		expect((await refresh(second.refresh_token)).status).toBe(401);
	});

	test('the overlap window: the predecessor at 30 s gets the same successor, at 31 s it is reuse', async () => {
		const api = fresh();
		api.settings.overlapSeconds = 30;
		const refresh = (token: string) =>
			answered(api.handlers, 'POST', '/3rdparty/v1/auth/token/refresh', {
				authorization: bearer(token),
			});
		const first = (await issue(api)).body;
		const second = await refresh(first.refresh_token);
		api.clock.advance(30);
		expect((await refresh(first.refresh_token)).body).toEqual(second.body);
		api.clock.advance(1);
		expect((await refresh(first.refresh_token)).status).toBe(401);
	});

	test('a session refreshed at the end of the window gets the same cookie, 30 s shorter', async () => {
		const api = fresh();
		api.settings.overlapSeconds = 30;
		const refresh = (token: string) =>
			answered(api.handlers, 'POST', '/auth/refresh', {
				cookie: `refresh_token=${token}`,
				csrf: true,
			});
		const login = await answered(api.handlers, 'POST', '/auth/login', { json: DEMO });
		const token = cookieToken(login.setCookies[0]);
		const second = await refresh(token);
		api.clock.advance(30);
		const again = await refresh(token);
		expect(again.status).toBe(200);
		expect(cookieToken(again.setCookies[0])).toBe(cookieToken(second.setCookies[0]));
		expect(again.setCookies[0]).toMatch(new RegExp(`; Max-Age=${LIFETIMES.refreshToken - 30}$`));
	});
});
