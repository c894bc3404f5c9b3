/**
 * Behaviours the Security page claims, each against the mock as a client sees it.
 */
import { describe, expect, test } from 'vitest';
import { basic, bearer, call, issuePair, refresh } from '../support/http.ts';
import { DEMO, useMockApi } from '../support/useMockApi.ts';

const api = useMockApi();
const DAY = 86_400;
const read = (token: string) =>
	call('GET', '/3rdparty/v1/messages/x', { authorization: bearer(token) });

describe('Security page claims', () => {
	test('no lockout and no rate limit: a hundred wrong passwords in a burst, each refused alike, then the right one works', async () => {
		const statuses = new Set<number>();
		for (let attempt = 0; attempt < 50; attempt += 1) {
			const password = `wrong-${attempt}`;
			statuses.add(
				(
					await call('POST', '/3rdparty/v1/auth/token', {
						authorization: basic('demo', password),
						json: { scopes: ['messages:read'] },
					})
				).status
			);
			statuses.add(
				(await call('POST', '/auth/login', { json: { username: 'demo', password } })).status
			);
		}
		expect([...statuses]).toEqual([401]);
		expect((await issuePair(['messages:read'])).access_token).toEqual(expect.any(String));
		expect((await call('POST', '/auth/login', { json: DEMO })).status).toBe(200);
	});

	test('reuse detection (revoke-family) logs the legitimate user out too, newest tokens included', async () => {
		api.settings.reusePolicy = 'revoke-family';
		const login = await issuePair(['messages:read']);
		// The thief refreshes first with a stolen copy; the user then refreshes with the same token.
		const thief = (await refresh(login.refresh_token)).body;
		expect((await refresh(login.refresh_token)).status).toBe(401);
		expect((await read(thief.access_token)).status).toBe(401);
		expect((await refresh(thief.refresh_token)).status).toBe(401);
	});

	test('the overlap window admits only the immediate predecessor, and only for its seconds', async () => {
		api.settings.overlapSeconds = 5;
		const first = await issuePair();
		const second = (await refresh(first.refresh_token)).body;
		expect((await refresh(first.refresh_token)).body).toEqual(second);
		api.clock.advance(6);
		expect((await refresh(first.refresh_token)).status).toBe(401); // its seconds are over

		const again = await issuePair();
		const next = (await refresh(again.refresh_token)).body;
		await refresh(next.refresh_token);
		expect((await refresh(again.refresh_token)).status).toBe(401); // no longer the immediate predecessor
	});

	test('a login family ends 90 days after the login, however often it rotated', async () => {
		let token = (await issuePair()).refresh_token;
		for (let day = 0; day < 89; day += 1) {
			api.clock.advance(DAY);
			const next = await refresh(token);
			expect(next.status).toBe(201);
			token = next.body.refresh_token;
		}
		api.clock.advance(DAY);
		expect((await refresh(token)).status).toBe(401);
	});

	test('revocation stops an access token at this API at once', async () => {
		const pair = await issuePair(['messages:read']);
		expect((await read(pair.access_token)).status).toBe(404);
		await call('DELETE', `/3rdparty/v1/auth/token/${pair.id}`, { authorization: basic() });
		expect((await read(pair.access_token)).status).toBe(401);
	});

	test('the session refresh endpoint requires X-CSRF: 1 on top of the cookie', async () => {
		const login = await fetch('https://api.token-pair.test/auth/login', {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ username: 'demo', password: 'demo-password' }),
		});
		const cookie = login.headers.getSetCookie()[0]?.split(';')[0] ?? '';
		expect(cookie).toMatch(/^refresh_token=/);
		const withoutHeader = await fetch('https://api.token-pair.test/auth/refresh', {
			method: 'POST',
			headers: { Cookie: cookie },
		});
		expect(withoutHeader.status).toBe(403);
		const withHeader = await fetch('https://api.token-pair.test/auth/refresh', {
			method: 'POST',
			headers: { Cookie: cookie, 'X-CSRF': '1' },
		});
		expect(withHeader.status).toBe(200);
	});
});
