import { http, HttpResponse } from 'msw';
import { CookieJar } from 'tough-cookie';
import { describe, expect, test, vi } from 'vitest';
import { behaviour } from '../../support/behaviour.ts';
import { createBff } from '../../../examples/browser-apps/bff.ts';
import { exchangesTo } from '../../support/exchanges.ts';
import { useFakeDate } from '../../support/fakeDate.ts';
import { payloadOf } from '../../support/forge.ts';
import { BASE_URL, DEMO, useMockApi } from '../../support/useMockApi.ts';

const api = useMockApi();
useFakeDate();

const APP = 'https://app.example.test';
const JWT = /eyJ[\w-]{5,}/;

/** A browser on the app's origin: its cookie jar, and what reached it. */
function openBrowser(bff = createBff({ apiBaseUrl: BASE_URL, allowedPaths: ['messages'] })) {
	const jar = new CookieJar();
	const seen: string[] = [];
	async function request(path: string, init: RequestInit & { csrf?: boolean } = {}) {
		const headers = new Headers(init.headers);
		if (init.csrf !== false) headers.set('X-CSRF', '1');
		const cookie = await jar.getCookieString(`${APP}${path}`);
		if (cookie) headers.set('Cookie', cookie);
		const response = await bff(new Request(`${APP}${path}`, { ...init, headers }));
		for (const setCookie of response.headers.getSetCookie()) {
			await jar.setCookie(setCookie, `${APP}${path}`);
		}
		const text = await response.text();
		seen.push(text, ...response.headers.values());
		return { status: response.status, headers: response.headers, text };
	}
	return {
		jar,
		seen,
		request,
		login: (password: string = DEMO.password) =>
			request('/bff/login', {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify({ username: DEMO.username, password }),
			}),
		send: () =>
			request('/bff/api/messages', {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify({ phoneNumbers: ['+15555550100'], textMessage: { text: 'hi' } }),
			}),
	};
}
const logins = () => exchangesTo(api.log.entries(), '/auth/login');
const refreshes = () => exchangesTo(api.log.entries(), '/auth/refresh');
const sentTokens = () =>
	exchangesTo(api.log.entries(), '/3rdparty/v1/messages').map(
		(exchange) => exchange.request.headers['authorization']?.replace('Bearer ', '') ?? ''
	);

describe('createBff', () => {
	test('login: the browser gets an opaque HttpOnly cookie as long-lived as the API session, and no token', async () => {
		const browser = openBrowser();
		expect((await browser.login()).status).toBe(204);
		const [cookie] = await browser.jar.getCookies(`${APP}/`);
		expect(cookie).toMatchObject({
			key: 'bff_session',
			httpOnly: true,
			secure: true,
			sameSite: 'strict',
			path: '/',
		});
		const apiCookie = logins()[0]?.response.headers['set-cookie'] ?? '';
		expect(cookie?.maxAge).toBe(Number(/Max-Age=(\d+)/.exec(apiCookie)?.[1]));
		expect(cookie?.value).toMatch(/^[\w-]{43}$/);
		expect(browser.seen.join('\n')).not.toMatch(JWT);
	});

	test('calls go to the API with the session’s access token, and come back without API headers', async () => {
		const browser = openBrowser();
		await browser.login();
		const sent = await browser.send();
		expect(sent.status).toBe(202);
		expect(JSON.parse(sent.text)).toMatchObject({ state: 'Pending' });
		expect(sent.headers.get('set-cookie')).toBeNull();
		const scopes = payloadOf(sentTokens()[0]!)['scopes'] as string[];
		// A session never carries the account's management scopes.
		expect(scopes).not.toContain('tokens:manage');
		expect(scopes).not.toContain('all:any');
		expect(browser.seen.join('\n')).not.toMatch(JWT);
	});

	behaviour('bff.concurrent', async () => {
		const browser = openBrowser();
		await browser.login();
		vi.setSystemTime(Date.now() + 900_000); // the mock's clock follows
		const results = await Promise.all(Array.from({ length: 5 }, () => browser.send()));
		expect(results.map((result) => result.status)).toEqual(Array(5).fill(202));
		expect(refreshes().map((exchange) => exchange.response.status)).toEqual([200]);
	});

	behaviour('bff.401', async () => {
		const browser = openBrowser();
		await browser.login();
		api.server.use(
			http.post('*/3rdparty/v1/messages', () => HttpResponse.json({}, { status: 401 }), {
				once: true,
			})
		);
		expect((await browser.send()).status).toBe(202);
		expect(refreshes()).toHaveLength(1);
	});

	test('a wrong password: 401 passed on after one attempt, and no session', async () => {
		const browser = openBrowser();
		expect((await browser.login('wrong')).status).toBe(401);
		expect(logins().map((exchange) => exchange.response.status)).toEqual([401]);
		expect(await browser.jar.getCookies(`${APP}/`)).toEqual([]);
		expect((await browser.send()).status).toBe(401);
	});

	test('without the X-CSRF header a state-changing request is refused before anything else', async () => {
		const browser = openBrowser();
		await browser.login();
		const refused = await browser.request('/bff/api/messages', { method: 'POST', csrf: false });
		expect(refused.status).toBe(403);
		expect(exchangesTo(api.log.entries(), '/3rdparty/v1/messages')).toHaveLength(0);
	});

	test('only the allowed API paths are forwarded', async () => {
		const browser = openBrowser();
		await browser.login();
		for (const path of [
			'/bff/api/service-tokens',
			'/bff/api/messages/../auth/token',
			'/elsewhere',
		]) {
			expect((await browser.request(path, { method: 'POST' })).status).toBe(404);
		}
		expect((await browser.request('/bff/api/messages/none')).status).toBe(404); // the API's own
		expect(exchangesTo(api.log.entries(), '/3rdparty/v1/messages/none')).toHaveLength(1);
	});

	test('logout ends the API session (its tokens are revoked) and clears the cookie', async () => {
		const browser = openBrowser();
		await browser.login();
		await browser.send();
		expect((await browser.request('/bff/logout', { method: 'POST' })).status).toBe(204);
		expect(exchangesTo(api.log.entries(), '/auth/logout')[0]?.response.status).toBe(204);
		expect(await browser.jar.getCookies(`${APP}/`)).toEqual([]);
		const revoked = await fetch(`${BASE_URL}/3rdparty/v1/messages/none`, {
			headers: { Authorization: `Bearer ${sentTokens()[0]}` },
		});
		expect(revoked.status).toBe(401);
		expect((await browser.send()).status).toBe(401);
	});

	test('logging in again from the same browser ends the previous API session', async () => {
		const browser = openBrowser();
		await browser.login();
		await browser.send();
		const [oldToken] = sentTokens();
		await browser.login();
		const old = await fetch(`${BASE_URL}/3rdparty/v1/messages/none`, {
			headers: { Authorization: `Bearer ${oldToken}` },
		});
		expect(old.status).toBe(401);
		expect((await browser.send()).status).toBe(202);
	});

	behaviour('bff.refused', async () => {
		const browser = openBrowser();
		await browser.login();
		api.server.use(
			http.post('*/3rdparty/v1/messages', () => HttpResponse.json({}, { status: 401 }), {
				once: true,
			}),
			http.post('*/auth/refresh', () => HttpResponse.json({}, { status: 401 }), { once: true })
		);
		expect((await browser.send()).status).toBe(401);
		expect(await browser.jar.getCookies(`${APP}/`)).toEqual([]);
	});

	behaviour('bff.truncated', async () => {
		const browser = openBrowser();
		await browser.login();
		vi.setSystemTime(Date.now() + 900_000);
		api.faults.arm({ method: 'POST', path: '/auth/refresh' }, { kind: 'truncated' });
		expect((await browser.send()).status).toBe(503);
		expect((await browser.send()).status).toBe(202);
		// The second refresh used the cookie the cut answer carried: no reuse, no new login.
		expect(refreshes().map((exchange) => exchange.response.status)).toEqual([200, 200]);
		expect(logins()).toHaveLength(1);
	});

	behaviour('bff.down', async () => {
		const browser = openBrowser();
		await browser.login();
		api.server.use(
			http.post('*/3rdparty/v1/messages', () => HttpResponse.json({}, { status: 401 }), {
				once: true,
			}),
			http.post('*/auth/refresh', () => new HttpResponse(null, { status: 503 }), { once: true })
		);
		expect((await browser.send()).status).toBe(503);
		expect((await browser.send()).status).toBe(202);
	});

	test('a login answer without a session is a 502, not half a session', async () => {
		const browser = openBrowser();
		api.server.use(
			http.post('*/auth/login', () => HttpResponse.json({ access_token: 'x' }), { once: true })
		);
		expect((await browser.login()).status).toBe(502);
		expect(await browser.jar.getCookies(`${APP}/`)).toEqual([]);
	});

	test('a failed logout says so and keeps the session', async () => {
		const browser = openBrowser();
		await browser.login();
		api.server.use(
			http.post('*/auth/logout', () => new HttpResponse(null, { status: 503 }), { once: true })
		);
		expect((await browser.request('/bff/logout', { method: 'POST' })).status).toBe(502);
		expect((await browser.send()).status).toBe(202);
		expect((await browser.request('/bff/logout', { method: 'POST' })).status).toBe(204);
	});
});
