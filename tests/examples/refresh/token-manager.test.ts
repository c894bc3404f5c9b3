import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { CredentialsRejected } from '../../../examples/long-running/with-retries.ts';
import { TokenManager } from '../../../examples/refresh/token-manager.ts';
import { bearerOf, exchangesTo } from '../../support/exchanges.ts';
import { advance, useFakeDate } from '../../support/fakeDate.ts';
import { bearer, call } from '../../support/http.ts';
import { BASE_URL, DEMO, useMockApi } from '../../support/useMockApi.ts';

const api = useMockApi();
useFakeDate();
afterEach(() => {
	vi.restoreAllMocks();
});

const manager = (marginSeconds?: number) =>
	new TokenManager({
		baseUrl: BASE_URL,
		...DEMO,
		scopes: ['messages:send', 'messages:read'],
		...(marginSeconds === undefined ? {} : { marginSeconds }),
	});
const issued = () => exchangesTo(api.log.entries(), '/3rdparty/v1/auth/token', 'POST');
const refreshes = () => exchangesTo(api.log.entries(), '/auth/token/refresh');
const accepted = async (token: string) =>
	(await call('GET', '/3rdparty/v1/messages/none', { authorization: bearer(token) })).status ===
	404;

describe('TokenManager', () => {
	test('authenticates once, then hands out the same token while it is valid', async () => {
		const tokens = manager();
		const first = await tokens.getAccessToken();
		advance(839);
		expect(await tokens.getAccessToken()).toBe(first);
		expect(issued()).toHaveLength(1);
		expect(refreshes()).toHaveLength(0);
		expect(await accepted(first)).toBe(true);
	});

	test('refreshes 60 s before expiry and keeps the rotated refresh token', async () => {
		const tokens = manager();
		const first = await tokens.getAccessToken();
		advance(840);
		const second = await tokens.getAccessToken();
		advance(840);
		const third = await tokens.getAccessToken();

		expect(new Set([first, second, third]).size).toBe(3);
		expect(refreshes().map((exchange) => exchange.response.status)).toEqual([201, 201]);
		const [one, two] = refreshes().map(bearerOf);
		expect(one).not.toBe(two);
		expect(await accepted(third)).toBe(true);
	});

	test.each([20, 50])(
		'%i concurrent callers on an expired token cause exactly one refresh',
		async (callers) => {
			const tokens = manager();
			await tokens.getAccessToken();
			advance(900);
			const results = await Promise.all(
				Array.from({ length: callers }, () => tokens.getAccessToken())
			);
			expect(new Set(results).size).toBe(1);
			expect(refreshes()).toHaveLength(1);
			expect(await accepted(results[0]!)).toBe(true);
		}
	);

	test('when refresh answers 401 it re-authenticates and never sends that refresh token again', async () => {
		const tokens = manager();
		await tokens.getAccessToken();
		const stolen = JSON.parse(issued()[0]?.response.body ?? '{}').refresh_token as string;
		// Someone else spends the refresh token first, so the manager's attempt is reuse: 401.
		await call('POST', '/3rdparty/v1/auth/token/refresh', { authorization: bearer(stolen) });
		advance(840);

		const token = await tokens.getAccessToken();
		expect(await accepted(token)).toBe(true);
		expect(refreshes().map((exchange) => exchange.response.status)).toEqual([201, 401]);
		expect(issued()).toHaveLength(2);

		advance(840);
		await tokens.getAccessToken();
		const sent = refreshes().map(bearerOf);
		expect(sent.filter((token) => token === stolen)).toHaveLength(2); // the thief's and the manager's one try
		expect(sent[2]).not.toBe(stolen);
		expect(refreshes()[2]?.response.status).toBe(201);
	});

	test('a 503 from refresh while the token is still valid: the current token, a pause, then a retry', async () => {
		vi.spyOn(Math, 'random').mockReturnValue(0.9999); // the pause's jitter at its longest: 5 s
		const tokens = manager();
		const first = await tokens.getAccessToken();
		advance(840);
		api.server.use(
			http.post('*/3rdparty/v1/auth/token/refresh', () => new HttpResponse(null, { status: 503 }), {
				once: true,
			})
		);
		expect(await tokens.getAccessToken()).toBe(first); // 60 s of life left: keep using it
		advance(4);
		expect(await tokens.getAccessToken()).toBe(first); // no new attempt within 5 s
		expect(refreshes()).toHaveLength(0); // the override answered the one attempt, not the mock
		advance(1);
		const second = await tokens.getAccessToken();
		expect(second).not.toBe(first);
		expect(await accepted(second)).toBe(true);
		expect(issued()).toHaveLength(1);
	});

	test('refresh failing past expiry is an error: an expired token is never handed out', async () => {
		const tokens = manager();
		await tokens.getAccessToken();
		advance(900);
		api.server.use(
			http.post('*/3rdparty/v1/auth/token/refresh', () => new HttpResponse(null, { status: 503 }))
		);
		await expect(tokens.getAccessToken()).rejects.toThrow(/^503/);
	});

	test('a malformed 201 stores nothing and the spent refresh token is never resent', async () => {
		const tokens = manager();
		const first = await tokens.getAccessToken();
		const spent = JSON.parse(issued()[0]?.response.body ?? '{}').refresh_token as string;
		advance(840);
		let attempts = 0;
		api.server.use(
			http.post('*/3rdparty/v1/auth/token/refresh', () => {
				attempts += 1;
				return HttpResponse.json({ access_token: 'half' }, { status: 201 });
			})
		);
		expect(await tokens.getAccessToken()).toBe(first); // the old pair, whole; not 'half'
		advance(5);
		const next = await tokens.getAccessToken();
		expect(next).not.toBe('half');
		expect(next).not.toBe(first);
		expect(await accepted(next)).toBe(true);
		expect(attempts).toBe(1); // the spent token went out once, never again
		expect(issued()).toHaveLength(2); // recovered by logging in again
		expect(refreshes().map(bearerOf)).not.toContain(spent);
	});

	test('with the client clock 10 minutes slow it still refreshes before the server expires the token', async () => {
		api.clock.advance(600);
		const tokens = manager();
		for (let minute = 0; minute < 60; minute += 1) {
			const token = await tokens.getAccessToken();
			expect(await accepted(token)).toBe(true);
			advance(60);
		}
		expect(refreshes().every((exchange) => exchange.response.status === 201)).toBe(true);
		expect(refreshes().length).toBeGreaterThanOrEqual(4);
	});

	test('revoke ends the whole login: the current and the older, still-unexpired access tokens', async () => {
		const tokens = manager();
		const first = await tokens.getAccessToken();
		advance(840);
		const second = await tokens.getAccessToken();
		await tokens.revoke();
		expect(await accepted(first)).toBe(false);
		expect(await accepted(second)).toBe(false);
		expect(
			exchangesTo(api.log.entries(), '', 'DELETE').map((exchange) => exchange.response.status)
		).toEqual([204]);
		await expect(tokens.getAccessToken()).rejects.toThrow(/closed/);
		await tokens.revoke(); // nothing left: sends nothing
		expect(exchangesTo(api.log.entries(), '', 'DELETE')).toHaveLength(1);
	});

	test('revoke during a refresh in flight waits for it and revokes what it brought', async () => {
		const tokens = manager();
		await tokens.getAccessToken();
		advance(840);
		const inFlight = tokens.getAccessToken();
		await tokens.revoke();
		const landed = await inFlight;
		expect(await accepted(landed)).toBe(false);
	});

	test('a wrong password is terminal: one login attempt, then the same error without a request', async () => {
		const tokens = new TokenManager({
			baseUrl: BASE_URL,
			...DEMO,
			password: 'wrong',
			scopes: ['messages:send'],
		});
		await expect(tokens.getAccessToken()).rejects.toBeInstanceOf(CredentialsRejected);
		await expect(tokens.getAccessToken()).rejects.toThrow(
			/refused the account credentials \(401\)/
		);
		expect(issued().map((exchange) => exchange.response.status)).toEqual([401]);
	});

	test('a password changed mid-life: the refresh refused, the login refused, then silence', async () => {
		const tokens = manager();
		await tokens.getAccessToken();
		advance(30 * 86_400); // the refresh token has expired too
		let logins = 0;
		api.server.use(
			http.post('*/3rdparty/v1/auth/token', () => {
				logins += 1;
				return HttpResponse.json({ message: 'Unauthorized', code: 401 }, { status: 401 });
			})
		);
		await expect(tokens.getAccessToken()).rejects.toBeInstanceOf(CredentialsRejected);
		await expect(tokens.getAccessToken()).rejects.toBeInstanceOf(CredentialsRejected);
		expect(logins).toBe(1);
		expect(refreshes().map((exchange) => exchange.response.status)).toEqual([401]);
	});

	test('a 400 on the login (an unknown scope) is an error, not a credentials problem', async () => {
		const tokens = new TokenManager({ baseUrl: BASE_URL, ...DEMO, scopes: ['no:such-scope'] });
		const error = await tokens.getAccessToken().catch((caught: unknown) => caught);
		expect(error).toMatchObject({ status: 400 });
		expect(error).not.toBeInstanceOf(CredentialsRejected);
		expect(issued()).toHaveLength(1);
	});
});
