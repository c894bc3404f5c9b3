import { describe, expect, test } from 'vitest';
import { CredentialsRejected } from '../../../examples/long-running/with-retries.ts';
import { endAllLogins } from '../../../examples/refresh/end-all-logins.ts';
import { createServiceToken } from '../../../examples/service-tokens/create-service-token.ts';
import { advance, useFakeDate } from '../../support/fakeDate.ts';
import { basic, bearer, call, issuePair, refresh } from '../../support/http.ts';
import { BASE_URL, DEMO, useMockApi } from '../../support/useMockApi.ts';

const api = useMockApi();
useFakeDate();

const works = async (token: string) =>
	(await call('GET', '/3rdparty/v1/messages/none', { authorization: bearer(token) })).status ===
	404;
const serviceToken = (
	name: string,
	username: string = DEMO.username,
	password: string = DEMO.password
) => createServiceToken({ baseUrl: BASE_URL, username, password, name, scopes: ['messages:read'] });

describe('endAllLogins', () => {
	test('revokes every service token and every login, rotated pairs included', async () => {
		const reports = await serviceToken('reports');
		const billing = await serviceToken('billing');
		const login = await issuePair(['messages:read']);
		const rotated = (await refresh(login.refresh_token)).body as {
			access_token: string;
			refresh_token: string;
		};
		const other = await issuePair(['messages:read']);

		const revoked = await endAllLogins({
			baseUrl: BASE_URL,
			...DEMO,
			loginIds: [login.id, other.id],
		});

		expect(revoked).toEqual([reports.id, billing.id, login.id, other.id]);
		for (const token of [
			reports.token,
			billing.token,
			login.access_token,
			rotated.access_token,
			other.access_token,
		]) {
			expect(await works(token)).toBe(false);
		}
		expect((await refresh(rotated.refresh_token)).status).toBe(401);
		const left = await call('GET', '/3rdparty/v1/service-tokens', { authorization: basic() });
		expect(left.body).toEqual([]);
	});

	test("another account's tokens are untouched, and running it twice is harmless", async () => {
		const theirs = await serviceToken('theirs', 'other', 'other-password');
		const mine = await issuePair(['messages:read']);
		await endAllLogins({ baseUrl: BASE_URL, ...DEMO, loginIds: [mine.id] });
		await endAllLogins({ baseUrl: BASE_URL, ...DEMO, loginIds: [mine.id] });
		expect(await works(theirs.token)).toBe(true);
	});

	test('a wrong password is CredentialsRejected after one request, and nothing is revoked', async () => {
		const login = await issuePair(['messages:read']);
		const before = api.log.entries().length;
		await expect(
			endAllLogins({ baseUrl: BASE_URL, ...DEMO, password: 'wrong', loginIds: [login.id] })
		).rejects.toBeInstanceOf(CredentialsRejected);
		expect(api.log.entries().length - before).toBe(1);
		expect(await works(login.access_token)).toBe(true);
	});
});

describe('a stolen refresh token: detection versus containment', () => {
	/** The thief refreshes first; the user's client then presents the spent token. */
	async function theft() {
		const login = await issuePair(['messages:read']);
		const thief = (await refresh(login.refresh_token)).body as {
			access_token: string;
			refresh_token: string;
		};
		const user = await refresh(login.refresh_token);
		return { login, thief, user };
	}

	test('under reject the user is refused, and the thief’s chain lives on until the 90-day limit', async () => {
		api.settings.reusePolicy = 'reject';
		const { thief, user } = await theft();
		expect(user.status).toBe(401);
		let refreshToken = thief.refresh_token;
		for (let day = 10; day < 90; day += 10) {
			advance(10 * 86_400);
			const next = await refresh(refreshToken);
			expect(next.status).toBe(201);
			refreshToken = next.body.refresh_token as string;
		}
		advance(10 * 86_400);
		expect((await refresh(refreshToken)).status).toBe(401);
	});

	test('under revoke-family both are logged out at the moment of reuse', async () => {
		api.settings.reusePolicy = 'revoke-family';
		const { thief, user } = await theft();
		expect(user.status).toBe(401);
		expect(await works(thief.access_token)).toBe(false);
		expect((await refresh(thief.refresh_token)).status).toBe(401);
	});

	test('under reject, revoking the login’s first pair ends the thief’s chain', async () => {
		api.settings.reusePolicy = 'reject';
		const { login, thief } = await theft();
		await endAllLogins({ baseUrl: BASE_URL, ...DEMO, loginIds: [login.id] });
		expect(await works(thief.access_token)).toBe(false);
		expect((await refresh(thief.refresh_token)).status).toBe(401);
	});
});
