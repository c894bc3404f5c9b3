import { describe, expect, test } from 'vitest';
import { changePassword, endAllLogins } from '../../../examples/refresh/end-all-logins.ts';
import { issueTokenPair } from '../../../examples/quick-start/issue-token-pair.ts';
import { refreshTokenPair } from '../../../examples/quick-start/refresh-token-pair.ts';
import {
	ApiError,
	basicAuth,
	createServiceToken,
} from '../../../examples/service-tokens/create-service-token.ts';
import { errorBody } from '../../../src/mock/contract/errors.ts';
import { login, refreshSession } from '../../mock/support/sessions.ts';
import { basic, bearer, call, refresh } from '../../support/http.ts';
import { BASE_URL, DEMO, useMockApi } from '../../support/useMockApi.ts';

const api = useMockApi();
const NEW_PASSWORD = 'a-new-long-password';
const account = { baseUrl: BASE_URL, ...DEMO };

/** Whether a token still works on a resource endpoint (404: authenticated, no such message). */
const works = async (token: string) =>
	(await call('GET', '/3rdparty/v1/messages/none', { authorization: bearer(token) })).status ===
	404;
const pairFor = (password: string) =>
	issueTokenPair({
		baseUrl: BASE_URL,
		username: DEMO.username,
		password,
		scopes: ['messages:read'],
	});
const serviceTokenFor = (password: string, name: string) =>
	createServiceToken({
		baseUrl: BASE_URL,
		username: DEMO.username,
		password,
		name,
		scopes: ['messages:read'],
	});

describe('the incident procedure reaches the thief', () => {
	test.each(['reject', 'revoke-family'] as const)(
		'under %s: every thief chain and thief login is dead after the password change',
		async (policy) => {
			api.settings.reusePolicy = policy;
			// Your service's login, stored on disk, and its service token.
			const stored = await pairFor(DEMO.password);
			const serviceToken = await serviceTokenFor(DEMO.password, 'reports');

			// The thief copies the stored pair and the password, and refreshes first.
			const thiefChain = await refreshTokenPair({
				baseUrl: BASE_URL,
				refreshToken: stored.refresh_token,
			});
			// Your service's next refresh is refused: the only trace of the theft.
			expect((await refresh(stored.refresh_token)).status).toBe(401);
			// With the password, the thief opens logins nobody records: a pair, a browser session, a
			// service token.
			const thiefPair = await pairFor(DEMO.password);
			const thiefSession = await login();
			expect(thiefSession.status).toBe(200);
			const thiefService = await serviceTokenFor(DEMO.password, 'innocent-looking');

			// The procedure, as the page writes it: change the password first.
			await changePassword({ ...account, newPassword: NEW_PASSWORD });

			for (const token of [
				thiefChain.access_token,
				thiefPair.access_token,
				thiefSession.body.access_token as string,
				thiefService.token,
				serviceToken.token,
				stored.access_token,
			]) {
				expect(await works(token)).toBe(false);
			}
			expect((await refresh(thiefChain.refresh_token)).status).toBe(401);
			expect((await refresh(thiefPair.refresh_token)).status).toBe(401);
			expect((await refreshSession(thiefSession.cookie)).status).toBe(401);
			// The stolen password opens nothing new.
			await expect(pairFor(DEMO.password)).rejects.toThrow(/401/);
			expect((await login()).status).toBe(401);
			expect(
				(await call('GET', '/3rdparty/v1/service-tokens', { authorization: basic() })).status
			).toBe(401);

			// Then your services come back with the new password.
			const fresh = await pairFor(NEW_PASSWORD);
			expect(await works(fresh.access_token)).toBe(true);
			const reissued = await serviceTokenFor(NEW_PASSWORD, 'reports');
			expect(await works(reissued.token)).toBe(true);
			const listed = await call('GET', '/3rdparty/v1/service-tokens', {
				authorization: basic(DEMO.username, NEW_PASSWORD),
			});
			expect(listed.body.map((token: { name: string }) => token.name)).toEqual(['reports']);
		}
	);

	test('another account is untouched', async () => {
		const theirs = await issueTokenPair({
			baseUrl: BASE_URL,
			username: 'other',
			password: 'other-password',
			scopes: ['messages:read'],
		});
		await changePassword({ ...account, newPassword: NEW_PASSWORD });
		expect(await works(theirs.access_token)).toBe(true);
	});

	test('a wrong current password is a 401 after one request, and nothing changes', async () => {
		const login = await pairFor(DEMO.password);
		const before = api.log.entries().length;
		const refused = changePassword({ ...account, password: 'wrong', newPassword: NEW_PASSWORD });
		await expect(refused).rejects.toMatchObject({ status: 401 });
		expect(api.log.entries().length - before).toBe(1);
		expect(await works(login.access_token)).toBe(true);
		expect((await pairFor(DEMO.password)).token_type).toBe('Bearer');
	});

	test.each([
		{ why: 'too short', newPassword: 'short' },
		{ why: 'unchanged', newPassword: DEMO.password },
	])(
		'a new password that is $why is 400 naming the field, and nothing ends',
		async ({ newPassword }) => {
			const login = await pairFor(DEMO.password);
			const refused = await changePassword({ ...account, newPassword }).catch(
				(error: unknown) => error
			);
			expect(refused).toBeInstanceOf(ApiError);
			expect((refused as ApiError).body).toEqual(errorBody('invalidNewPassword'));
			expect(await works(login.access_token)).toBe(true);
		}
	);

	test('a password outside Latin-1 is sent as UTF-8', async () => {
		const unicode = 'пароль-🔑-Ünïcode';
		await changePassword({ ...account, newPassword: unicode });
		expect(basicAuth('demo', unicode)).toBe(
			`Basic ${Buffer.from(`demo:${unicode}`, 'utf8').toString('base64')}`
		);
		await changePassword({ ...account, password: unicode, newPassword: NEW_PASSWORD });
		expect((await pairFor(NEW_PASSWORD)).token_type).toBe('Bearer');
	});
});

describe('endAllLogins, when the password is known to be safe', () => {
	test('ends every login and service token, recorded or not, and keeps the password', async () => {
		const first = await pairFor(DEMO.password);
		const rotated = await refreshTokenPair({
			baseUrl: BASE_URL,
			refreshToken: first.refresh_token,
		});
		const unrecorded = await pairFor(DEMO.password);
		const session = await login();
		const service = await serviceTokenFor(DEMO.password, 'reports');

		await endAllLogins(account);

		for (const token of [rotated.access_token, unrecorded.access_token, service.token]) {
			expect(await works(token)).toBe(false);
		}
		expect((await refresh(rotated.refresh_token)).status).toBe(401);
		expect((await refresh(unrecorded.refresh_token)).status).toBe(401);
		expect((await refreshSession(session.cookie)).status).toBe(401);
		expect((await pairFor(DEMO.password)).token_type).toBe('Bearer');
	});

	test('running it twice is harmless; a wrong password is refused', async () => {
		await endAllLogins(account);
		await endAllLogins(account);
		await expect(endAllLogins({ ...account, password: 'wrong' })).rejects.toMatchObject({
			status: 401,
		});
	});
});
