import { describe, expect, test } from 'vitest';
import { createRevokeStoredPair } from '../../../examples/migration/revoke-stored-pair.ts';
import { LIFETIMES } from '../../../src/mock/contract/lifetimes.ts';
import { exchangesTo } from '../../support/exchanges.ts';
import { advance, useFakeDate } from '../../support/fakeDate.ts';
import { foreignToken, payloadOf } from '../../support/forge.ts';
import { basic, bearer, call, issuePair } from '../../support/http.ts';
import { BASE_URL, DEMO, useMockApi } from '../../support/useMockApi.ts';

const api = useMockApi();
useFakeDate();

const OTHER = { username: 'other', password: 'other-password' } as const;

const revokeStoredPair = createRevokeStoredPair({
	apiBaseUrl: BASE_URL,
	issuer: api.issuer,
	username: DEMO.username,
	password: DEMO.password,
});

/** A browser session of `account`: the access token its session client holds. */
async function sessionOf(account: { username: string; password: string } = DEMO) {
	const login = await call('POST', '/auth/login', { json: account });
	expect(login.status).toBe(200);
	return login.body.access_token as string;
}

/** The request the browser makes: its session's access token, and a JSON body. */
function post(body: unknown, sessionToken?: string) {
	return revokeStoredPair(
		new Request('https://app.example.test/legacy/revoke-stored-pair', {
			method: 'POST',
			headers: {
				'Content-Type': 'application/json',
				...(sessionToken === undefined ? {} : { Authorization: bearer(sessionToken) }),
			},
			body: JSON.stringify(body),
		})
	);
}

const refreshWith = (refreshToken: string) =>
	call('POST', '/3rdparty/v1/auth/token/refresh', { authorization: bearer(refreshToken) });

async function serviceToken() {
	const minted = await call('POST', '/3rdparty/v1/service-tokens', {
		authorization: basic(),
		json: { name: 'reports', scopes: ['messages:read'] },
	});
	expect(minted.status).toBe(201);
	return minted.body as { id: string; token: string };
}
const stillWorks = async (token: string) =>
	(await call('GET', '/3rdparty/v1/messages/none', { authorization: bearer(token) })).status;
const revocations = () => exchangesTo(api.log.entries(), '', 'DELETE');

describe('the endpoint that revokes the pair a browser kept in localStorage', () => {
	test("revokes the caller's own stored pair, and every pair refreshed from it since", async () => {
		const stored = await issuePair();
		const successor = (await refreshWith(stored.refresh_token)).body;

		const response = await post({ refresh_token: stored.refresh_token }, await sessionOf());

		expect(response.status).toBe(204);
		expect((await refreshWith(stored.refresh_token)).status).toBe(401);
		expect((await refreshWith(successor.refresh_token)).status).toBe(401);
		// The page says so: the stored access token is not revoked; it expires on its own.
		expect(await stillWorks(stored.access_token)).toBe(404);
		expect(revocations().map((entry) => entry.request.url)).toEqual([
			`${BASE_URL}/3rdparty/v1/auth/token/${payloadOf(stored.refresh_token)['jti']}`,
		]);
	});

	test('never revokes an id the browser posts: not a service token, not the pair', async () => {
		const service = await serviceToken();
		const stored = await issuePair();
		const session = await sessionOf();

		for (const body of [
			{ id: service.id },
			{ refresh_token: service.id },
			{ id: stored.id },
			{ refresh_token: stored.id },
		]) {
			expect((await post(body, session)).status).toBe(400);
		}
		expect(revocations()).toEqual([]);
		expect(await stillWorks(service.token)).toBe(404);
		expect((await refreshWith(stored.refresh_token)).status).toBe(201);
	});

	test("a forged refresh token naming a service token's id revokes nothing", async () => {
		const service = await serviceToken();
		const forged = await foreignToken({
			...payloadOf((await issuePair()).refresh_token),
			jti: service.id,
		});

		expect((await post({ refresh_token: forged }, await sessionOf())).status).toBe(400);
		expect(revocations()).toEqual([]);
		expect(await stillWorks(service.token)).toBe(404);
	});

	test("another account's refresh token is not the caller's to revoke", async () => {
		const theirs = await call('POST', '/3rdparty/v1/auth/token', {
			authorization: basic(OTHER.username, OTHER.password),
			json: { scopes: ['messages:send'] },
		});

		const response = await post({ refresh_token: theirs.body.refresh_token }, await sessionOf());

		expect(response.status).toBe(403);
		expect(revocations()).toEqual([]);
		expect((await refreshWith(theirs.body.refresh_token)).status).toBe(201);
	});

	test.each([
		{ name: 'no session', session: async () => undefined },
		{
			name: 'a refresh token as the session',
			session: async () => (await issuePair()).refresh_token,
		},
		{
			name: 'a forged session',
			session: async () => foreignToken({ sub: 'user-demo', type: 'access' }),
		},
	])('refuses a caller with $name (401), revoking nothing', async ({ session }) => {
		const stored = await issuePair();

		expect((await post({ refresh_token: stored.refresh_token }, await session())).status).toBe(401);
		expect(revocations()).toEqual([]);
	});

	test('an expired stored token has nothing left to revoke', async () => {
		const stored = await issuePair();
		advance(LIFETIMES.refreshToken + 1);

		expect((await post({ refresh_token: stored.refresh_token }, await sessionOf())).status).toBe(
			204
		);
		expect(revocations()).toEqual([]);
	});

	test('answers 502 when the API does not revoke, so the browser keeps the pair and tries again', async () => {
		const stored = await issuePair();
		const session = await sessionOf();
		const failing = createRevokeStoredPair({
			apiBaseUrl: BASE_URL,
			issuer: api.issuer,
			username: DEMO.username,
			password: 'wrong-password',
		});
		const response = await failing(
			new Request('https://app.example.test/legacy/revoke-stored-pair', {
				method: 'POST',
				headers: { Authorization: bearer(session) },
				body: JSON.stringify({ refresh_token: stored.refresh_token }),
			})
		);

		expect(response.status).toBe(502);
		expect((await refreshWith(stored.refresh_token)).status).toBe(201);
	});

	test('takes POST only, and JSON with refresh_token', async () => {
		const session = await sessionOf();
		const get = await revokeStoredPair(
			new Request('https://app.example.test/legacy/revoke-stored-pair', {
				headers: { Authorization: bearer(session) },
			})
		);
		expect(get.status).toBe(405);
		const notJson = await revokeStoredPair(
			new Request('https://app.example.test/legacy/revoke-stored-pair', {
				method: 'POST',
				headers: { Authorization: bearer(session) },
				body: 'refresh_token=x',
			})
		);
		expect(notJson.status).toBe(400);
	});
});
