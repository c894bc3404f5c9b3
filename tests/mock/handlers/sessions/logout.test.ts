import { describe, expect, test } from 'vitest';
import { errorBody } from '../../../../src/mock/contract/errors.ts';
import { bearer, call } from '../../../support/http.ts';
import { useMockApi } from '../../../support/useMockApi.ts';
import { loggedIn, logout, refreshSession } from '../../support/sessions.ts';

useMockApi();
const CLEARED = 'refresh_token=; HttpOnly; Secure; SameSite=Strict; Path=/auth; Max-Age=0';

const read = (accessToken: string) =>
	call('GET', '/3rdparty/v1/messages/unknown', { authorization: bearer(accessToken) });

describe('POST /auth/logout', () => {
	test('without X-CSRF: 403, and the session neither ends nor loses its cookie', async () => {
		const session = await loggedIn();
		const result = await logout(session.refreshToken, { csrf: false });
		expect(result).toMatchObject({ status: 403, body: errorBody('csrfHeaderRequired') });
		expect(result.setCookies).toEqual([]);
		expect((await read(session.accessToken)).status).toBe(404);
		expect((await refreshSession(session.refreshToken)).status).toBe(200);
	});

	test.each(['0', 'true', ''])('X-CSRF: %j is not the header: 403', async (value) => {
		const session = await loggedIn();
		const result = await call('POST', '/auth/logout', {
			headers: { Cookie: `refresh_token=${session.refreshToken}`, 'X-CSRF': value },
		});
		expect(result.status).toBe(403);
		expect((await read(session.accessToken)).status).toBe(404);
	});

	test('answers 204 with no body, clears the cookie and revokes the whole login', async () => {
		const session = await loggedIn();
		const second = await refreshSession(session.refreshToken);
		const result = await logout(second.cookie);
		expect(result).toMatchObject({ status: 204, body: null });
		expect(result.headers.get('cache-control')).toBe('no-store');
		expect(result.setCookies).toEqual([CLEARED]);
		expect((await refreshSession(second.cookie)).status).toBe(401);
		// The family's access tokens die with it, the earlier one included.
		expect((await read(second.body.access_token)).status).toBe(401);
		expect((await read(session.accessToken)).status).toBe(401);
	});

	test('a spent cookie (the latest rotation lost) still ends the login', async () => {
		const session = await loggedIn();
		const second = await refreshSession(session.refreshToken);
		expect((await logout(session.refreshToken)).status).toBe(204);
		expect((await read(second.body.access_token)).status).toBe(401);
	});

	test('other logins live on', async () => {
		const other = await loggedIn();
		const session = await loggedIn();
		await logout(session.refreshToken);
		expect((await refreshSession(other.refreshToken)).status).toBe(200);
	});

	test.each([
		{ name: 'no cookie', token: undefined },
		{ name: 'a garbage cookie', token: 'garbage' },
		{ name: 'a huge cookie', token: 'A'.repeat(16_000) },
	])('with $name it is still 204 and clears the cookie', async ({ token }) => {
		const result = await logout(token);
		expect(result.status).toBe(204);
		expect(result.setCookies).toEqual([CLEARED]);
	});

	test('logging out twice is fine', async () => {
		const { refreshToken } = await loggedIn();
		expect((await logout(refreshToken)).status).toBe(204);
		expect((await logout(refreshToken)).status).toBe(204);
	});
});
