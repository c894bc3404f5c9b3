import { describe, expect, test } from 'vitest';
import { CredentialsRejected } from '../../../examples/long-running/with-retries.ts';
import { probeReusePolicy } from '../../../examples/refresh/reuse-policy.ts';
import { bearerOf, exchangesTo } from '../../support/exchanges.ts';
import { useFakeDate } from '../../support/fakeDate.ts';
import { bearer, call } from '../../support/http.ts';
import { BASE_URL, DEMO, useMockApi } from '../../support/useMockApi.ts';

const api = useMockApi();
useFakeDate();

const probe = () => probeReusePolicy({ baseUrl: BASE_URL, ...DEMO });

/** Every token the probe was handed, access and refresh: none may still work afterwards. */
function tokensHandedOut(): string[] {
	return api.log
		.entries()
		.filter((entry) => entry.response.status === 201)
		.flatMap((entry) => {
			const body = JSON.parse(entry.response.body ?? '{}') as Record<string, string>;
			return [body['access_token'], body['refresh_token']].filter((token) => token !== undefined);
		});
}

describe('probeReusePolicy', () => {
	test.each([
		['reject', 0, { onReuse: 'reject', overlapWindow: false }],
		['revoke-family', 0, { onReuse: 'revoke-family', overlapWindow: false }],
		['reject', 30, { onReuse: 'reject', overlapWindow: true }],
		['revoke-family', 30, { onReuse: 'revoke-family', overlapWindow: true }],
	] as const)('policy %s, overlap window %i s: %o', async (policy, overlap, expected) => {
		api.settings.reusePolicy = policy;
		api.settings.overlapSeconds = overlap;
		expect(await probe()).toEqual(expected);
		// The probe leaves nothing working behind: its login is revoked.
		const handedOut = tokensHandedOut();
		expect(handedOut.length).toBeGreaterThanOrEqual(4);
		for (const token of handedOut) {
			const access = await call('GET', '/3rdparty/v1/messages/none', {
				authorization: bearer(token),
			});
			expect(access.status).toBe(401);
		}
		expect(exchangesTo(api.log.entries(), '', 'DELETE')).toHaveLength(1);
	});

	test('the replay it makes on purpose is of a token at least one generation old', async () => {
		await probe();
		const sent = exchangesTo(api.log.entries(), '/auth/token/refresh').map(bearerOf);
		expect(sent[1]).toBe(sent[0]); // the deliberate replay
		expect(new Set(sent).size).toBe(sent.length - 1); // and no other token sent twice
	});

	test('a wrong password is CredentialsRejected, after one request', async () => {
		await expect(
			probeReusePolicy({ baseUrl: BASE_URL, ...DEMO, password: 'wrong' })
		).rejects.toBeInstanceOf(CredentialsRejected);
		expect(api.log.entries()).toHaveLength(1);
	});

	test('a refresh the API refuses outright is an error, and the login is still revoked', async () => {
		api.settings.reusePolicy = 'reject';
		const { http, HttpResponse } = await import('msw');
		api.server.use(
			http.post('*/3rdparty/v1/auth/token/refresh', () => new HttpResponse(null, { status: 503 }), {
				once: true,
			})
		);
		await expect(probe()).rejects.toMatchObject({ status: 503 });
		expect(exchangesTo(api.log.entries(), '', 'DELETE')).toHaveLength(1);
	});
});
