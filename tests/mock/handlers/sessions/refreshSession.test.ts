import { describe, expect, test } from 'vitest';
import { SessionResponse } from '../../../../src/mock/contract/schemas.ts';
import { payloadOf } from '../../../support/forge.ts';
import { bearer, call, issuePair } from '../../../support/http.ts';
import { useMockApi } from '../../../support/useMockApi.ts';
import { loggedIn, refreshSession } from '../../support/sessions.ts';

const api = useMockApi();
const DAY = 86_400;
const CLEARED = 'refresh_token=; HttpOnly; Secure; SameSite=Strict; Path=/auth; Max-Age=0';
const cookieFor = (token: string, maxAge: number) =>
	`refresh_token=${token}; HttpOnly; Secure; SameSite=Strict; Path=/auth; Max-Age=${maxAge}`;

const read = (accessToken: string) =>
	call('GET', '/3rdparty/v1/messages/unknown', { authorization: bearer(accessToken) });

/** 401, the contract's body, and the cookie cleared with the same name, path and flags. */
function expectRefusedAndCleared(result: Awaited<ReturnType<typeof refreshSession>>) {
	expect(result.status).toBe(401);
	expect(result.body).toEqual({ error: 'unauthorized', message: 'Unauthorized', code: 401 });
	expect(result.setCookies).toEqual([CLEARED]);
}

describe('POST /auth/refresh', () => {
	test('answers 200 with a new access token and a rotated cookie', async () => {
		const session = await loggedIn();
		const result = await refreshSession(session.refreshToken);
		expect(result.status).toBe(200);
		expect(result.headers.get('cache-control')).toBe('no-store');
		expect(SessionResponse.safeParse(result.body).success).toBe(true);
		expect(result.body).toMatchObject({ token_type: 'Bearer', expires_in: 900 });
		expect(result.body.access_token).not.toBe(session.accessToken);
		expect(result.cookie).not.toBe(session.refreshToken);
		expect(result.setCookies).toEqual([cookieFor(result.cookie ?? '', 30 * DAY)]);
		expect(payloadOf(result.body.access_token)['scopes']).toEqual(
			payloadOf(session.accessToken)['scopes']
		);
		// Rotation does not revoke the previous access token; it lives until its own exp.
		expect((await read(session.accessToken)).status).toBe(404);
		expect((await read(result.body.access_token)).status).toBe(404);
	});

	describe('CSRF: the X-CSRF: 1 header is required', () => {
		test.each([
			{ name: 'no X-CSRF header', headers: {} },
			{ name: 'X-CSRF: 0', headers: { 'X-CSRF': '0' } },
			{ name: 'X-CSRF: true', headers: { 'X-CSRF': 'true' } },
			{ name: 'X-CSRF empty', headers: { 'X-CSRF': '' } },
		])('$name: 403, the cookie neither spent nor cleared', async ({ headers }) => {
			const session = await loggedIn();
			const result = await call('POST', '/auth/refresh', {
				headers: { Cookie: `refresh_token=${session.refreshToken}`, ...headers },
			});
			expect(result.status).toBe(403);
			expect(result.body).toEqual({
				error: 'csrf_header_required',
				message: 'CSRF header required: X-CSRF: 1',
				code: 403,
				data: { header: 'X-CSRF' },
			});
			expect(result.headers.getSetCookie()).toEqual([]);
			expect((await refreshSession(session.refreshToken)).status).toBe(200);
		});

		test('the check comes first: no cookie and no header is 403, not 401', async () => {
			expect((await refreshSession(undefined, { csrf: false })).status).toBe(403);
		});
	});

	describe('401 with the cookie cleared', () => {
		test.each([
			{ name: 'no cookie at all', cookie: undefined },
			{ name: 'other cookies only', cookie: 'theme=dark; session=abc' },
			{ name: 'an empty refresh_token', cookie: 'refresh_token=' },
			{ name: 'garbage', cookie: 'refresh_token=not-a-jwt' },
			{ name: 'three dots', cookie: 'refresh_token=...' },
			{ name: 'percent garbage', cookie: 'refresh_token=%E0%A4%A' },
			{ name: 'quotes and semicolons', cookie: 'refresh_token="a;b"' },
			{ name: 'a huge value', cookie: `refresh_token=${'A'.repeat(16_000)}` },
			{ name: 'a bare name', cookie: 'refresh_token' },
		])('$name', async ({ cookie }) => {
			const result = await refreshSession(undefined, cookie === undefined ? {} : { cookie });
			expectRefusedAndCleared(result);
		});

		test('an access token in the cookie', async () => {
			const session = await loggedIn();
			expectRefusedAndCleared(await refreshSession(session.accessToken));
		});

		test('a bearer API refresh token in the cookie (refused, not spent)', async () => {
			const pair = await issuePair();
			expectRefusedAndCleared(await refreshSession(pair.refresh_token));
			const bearerRefresh = await call('POST', '/3rdparty/v1/auth/token/refresh', {
				authorization: bearer(pair.refresh_token),
			});
			expect(bearerRefresh.status).toBe(201);
		});

		test('an expired cookie', async () => {
			const session = await loggedIn();
			api.clock.advance(30 * DAY);
			expectRefusedAndCleared(await refreshSession(session.refreshToken));
		});

		test('two different refresh_token cookies: ambiguous, neither is spent', async () => {
			const a = await loggedIn();
			const b = await loggedIn();
			const both = `refresh_token=${a.refreshToken}; refresh_token=${b.refreshToken}`;
			expectRefusedAndCleared(await refreshSession(undefined, { cookie: both }));
			expect((await refreshSession(a.refreshToken)).status).toBe(200);
			expect((await refreshSession(b.refreshToken)).status).toBe(200);
		});

		test('the same cookie twice is not ambiguous', async () => {
			const { refreshToken } = await loggedIn();
			const twice = `refresh_token=${refreshToken}; other=1; refresh_token=${refreshToken}`;
			expect((await refreshSession(undefined, { cookie: twice })).status).toBe(200);
		});
	});

	describe('reuse always revokes the family on this surface', () => {
		test.each(['reject', 'revoke-family'] as const)(
			'with the bearer API set to %s: the replay is 401 and cleared, the newest tokens die',
			async (policy) => {
				api.settings.reusePolicy = policy;
				const session = await loggedIn();
				const second = await refreshSession(session.refreshToken);
				expect(second.status).toBe(200);
				expectRefusedAndCleared(await refreshSession(session.refreshToken));
				expectRefusedAndCleared(await refreshSession(second.cookie));
				expect((await read(second.body.access_token)).status).toBe(401);
				expect((await read(session.accessToken)).status).toBe(401);
			}
		);

		test('other sessions live on', async () => {
			const other = await loggedIn();
			const session = await loggedIn();
			await refreshSession(session.refreshToken);
			await refreshSession(session.refreshToken);
			expect((await refreshSession(other.refreshToken)).status).toBe(200);
		});
	});

	describe('overlap window (the setting applies here too)', () => {
		test('the immediate predecessor inside the window gets the same cookie and token', async () => {
			api.settings.overlapSeconds = 30;
			const session = await loggedIn();
			const second = await refreshSession(session.refreshToken);
			api.clock.advance(30);
			const again = await refreshSession(session.refreshToken);
			expect(again.status).toBe(200);
			expect(again.cookie).toBe(second.cookie);
			expect(again.body.access_token).toBe(second.body.access_token);
		});

		test('after the window it is reuse, and the family is revoked', async () => {
			api.settings.overlapSeconds = 30;
			const session = await loggedIn();
			const second = await refreshSession(session.refreshToken);
			api.clock.advance(31);
			expectRefusedAndCleared(await refreshSession(session.refreshToken));
			expectRefusedAndCleared(await refreshSession(second.cookie));
		});

		test('an older generation is reuse even inside the window', async () => {
			api.settings.overlapSeconds = 30;
			const session = await loggedIn();
			const second = await refreshSession(session.refreshToken);
			const third = await refreshSession(second.cookie);
			expectRefusedAndCleared(await refreshSession(session.refreshToken));
			expectRefusedAndCleared(await refreshSession(third.cookie));
		});
	});

	test('the login ends 90 days after it began, however often it rotates; Max-Age says so', async () => {
		const session = await loggedIn();
		let token = session.refreshToken;
		for (const day of [25, 50, 75]) {
			api.clock.advance(25 * DAY);
			const next = await refreshSession(token);
			expect(next.status).toBe(200);
			token = next.cookie ?? '';
			// The cookie (and its token) never outlive the login's 90 days.
			const maxAge = Math.min(30, 90 - day) * DAY;
			expect(next.setCookies).toEqual([cookieFor(token, maxAge)]);
		}
		api.clock.advance(15 * DAY - 1);
		const last = await refreshSession(token);
		expect(last.status).toBe(200);
		expect(last.setCookies).toEqual([cookieFor(last.cookie ?? '', 1)]);
		expect(last.body.expires_in).toBe(1);
		api.clock.advance(1);
		expectRefusedAndCleared(await refreshSession(last.cookie));
	});

	test('of 10 concurrent refreshes with one cookie exactly one gets 200', async () => {
		const session = await loggedIn();
		const results = await Promise.all(
			Array.from({ length: 10 }, () => refreshSession(session.refreshToken))
		);
		const winners = results.filter((result) => result.status === 200);
		expect(winners).toHaveLength(1);
		for (const loser of results.filter((result) => result.status !== 200)) {
			expectRefusedAndCleared(loser);
		}
		// Reuse detection cannot tell a second tab from a thief: the winner's login is revoked too,
		// which is why browser clients must refresh one tab at a time.
		expect((await refreshSession(winners[0]?.cookie)).status).toBe(401);
	});

	test('with an overlap window, concurrent refreshes all get the one successor', async () => {
		api.settings.overlapSeconds = 10;
		const session = await loggedIn();
		const results = await Promise.all(
			Array.from({ length: 5 }, () => refreshSession(session.refreshToken))
		);
		expect(results.map((result) => result.status)).toEqual([200, 200, 200, 200, 200]);
		expect(new Set(results.map((result) => result.cookie)).size).toBe(1);
	});
});
