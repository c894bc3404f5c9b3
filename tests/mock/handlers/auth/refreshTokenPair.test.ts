import { describe, expect, test } from 'vitest';
import { TokenPairResponse } from '../../../../src/mock/contract/schemas.ts';
import { payloadOf } from '../../../support/forge.ts';
import { basic, bearer, call, issuePair, refresh } from '../../../support/http.ts';
import { useMockApi } from '../../../support/useMockApi.ts';

const api = useMockApi();
const DAY = 86_400;

async function sendWith(accessToken: string) {
	return call('POST', '/3rdparty/v1/messages', {
		authorization: bearer(accessToken),
		json: { phoneNumbers: ['+15550100'], textMessage: { text: 'hi' } },
	});
}

describe('POST /3rdparty/v1/auth/token/refresh', () => {
	test('answers 201 with a new pair granted the original scopes, not cacheable', async () => {
		const first = await issuePair(['messages:send', 'messages:read']);
		const result = await refresh(first.refresh_token);
		expect(result.status).toBe(201);
		expect(result.headers.get('cache-control')).toBe('no-store');
		expect(TokenPairResponse.safeParse(result.body).success).toBe(true);
		expect(result.body.access_token).not.toBe(first.access_token);
		expect(result.body.refresh_token).not.toBe(first.refresh_token);
		expect(payloadOf(result.body.access_token)['scopes']).toEqual([
			'messages:send',
			'messages:read',
		]);
		expect(payloadOf(result.body.refresh_token)['original_scopes']).toEqual([
			'messages:send',
			'messages:read',
		]);
	});

	test('a refresh token is single use: the second use is 401', async () => {
		const first = await issuePair();
		expect((await refresh(first.refresh_token)).status).toBe(201);
		const replay = await refresh(first.refresh_token);
		expect(replay).toMatchObject({
			status: 401,
			body: { error: 'unauthorized', message: 'Unauthorized', code: 401 },
		});
	});

	test('rotation does not revoke the old access token: it lives until its own exp', async () => {
		const first = await issuePair();
		await refresh(first.refresh_token);
		expect((await sendWith(first.access_token)).status).toBe(202);
		api.clock.advance(900);
		expect((await sendWith(first.access_token)).status).toBe(401);
	});

	test('each refresh starts a new 30-day refresh lifetime', async () => {
		const first = await issuePair();
		api.clock.advance(10 * DAY);
		const second = await refresh(first.refresh_token);
		const claims = payloadOf(second.body.refresh_token);
		expect(Number(claims['exp']) - Number(claims['iat'])).toBe(30 * DAY);
		expect(Number(claims['exp'])).toBeGreaterThan(Number(payloadOf(first.refresh_token)['exp']));
	});

	test('an expired refresh token is 401', async () => {
		const first = await issuePair();
		api.clock.advance(30 * DAY);
		expect((await refresh(first.refresh_token)).status).toBe(401);
	});

	test('of 20 concurrent refreshes with one token exactly one gets 201', async () => {
		const first = await issuePair();
		const results = await Promise.all(
			Array.from({ length: 20 }, () => refresh(first.refresh_token))
		);
		const statuses = results.map((result) => result.status);
		expect(statuses.filter((status) => status === 201)).toHaveLength(1);
		expect(statuses.filter((status) => status === 401)).toHaveLength(19);
	});

	test.each([
		{ name: 'an access token', kind: 'access' as const, status: 403 },
		{ name: 'Basic credentials (all:any does not count)', kind: 'basic' as const, status: 403 },
		{ name: 'no Authorization', kind: 'none' as const, status: 401 },
		{ name: 'a garbage token', kind: 'garbage' as const, status: 401 },
	])('$name gets $status', async ({ kind, status }) => {
		const pair = await issuePair();
		const authorization = {
			access: bearer(pair.access_token),
			basic: basic(),
			none: undefined,
			garbage: bearer('abc.def.ghi'),
		}[kind];
		const result = await call(
			'POST',
			'/3rdparty/v1/auth/token/refresh',
			authorization ? { authorization } : {}
		);
		expect(result.status).toBe(status);
		expect(result.body).toEqual(
			status === 403
				? { error: 'scope_required', message: 'scope required: tokens:refresh', code: 403 }
				: { error: 'unauthorized', message: 'Unauthorized', code: 401 }
		);
	});

	describe('reuse policy', () => {
		async function rotateThenReplay() {
			const first = await issuePair();
			const second = (await refresh(first.refresh_token)).body;
			const replay = await refresh(first.refresh_token);
			return { second, replay };
		}

		test('reject (the default) refuses only the replayed token', async () => {
			const { second, replay } = await rotateThenReplay();
			expect(replay.status).toBe(401);
			expect((await sendWith(second.access_token)).status).toBe(202);
			expect((await refresh(second.refresh_token)).status).toBe(201);
		});

		test('revoke-family also revokes the newest refresh and access tokens', async () => {
			api.settings.reusePolicy = 'revoke-family';
			const { second, replay } = await rotateThenReplay();
			expect(replay.status).toBe(401);
			expect((await sendWith(second.access_token)).status).toBe(401);
			expect((await refresh(second.refresh_token)).status).toBe(401);
		});

		test('revoke-family leaves other logins alone', async () => {
			api.settings.reusePolicy = 'revoke-family';
			const other = await issuePair();
			await rotateThenReplay();
			expect((await refresh(other.refresh_token)).status).toBe(201);
		});
	});

	describe('overlap window', () => {
		test('replaying the immediate predecessor inside the window returns the same successor', async () => {
			api.settings.overlapSeconds = 30;
			const first = await issuePair();
			const second = await refresh(first.refresh_token);
			api.clock.advance(30);
			const again = await refresh(first.refresh_token);
			expect(again.status).toBe(201);
			expect(again.body).toEqual(second.body);
		});

		test('after the window the replay is reuse', async () => {
			api.settings.overlapSeconds = 30;
			const first = await issuePair();
			await refresh(first.refresh_token);
			api.clock.advance(31);
			expect((await refresh(first.refresh_token)).status).toBe(401);
		});

		test('an older generation is reuse even inside the window', async () => {
			api.settings.overlapSeconds = 30;
			const first = await issuePair();
			const second = await refresh(first.refresh_token);
			await refresh(second.body.refresh_token);
			expect((await refresh(first.refresh_token)).status).toBe(401);
		});

		test('concurrent refreshes inside the window all get the one successor', async () => {
			api.settings.overlapSeconds = 30;
			const first = await issuePair();
			const results = await Promise.all(
				Array.from({ length: 5 }, () => refresh(first.refresh_token))
			);
			expect(results.map((result) => result.status)).toEqual([201, 201, 201, 201, 201]);
			expect(new Set(results.map((result) => result.body.refresh_token)).size).toBe(1);
		});
	});

	describe('absolute family lifetime', () => {
		test('rotation never extends a login past 90 days', async () => {
			const first = await issuePair();
			let token = first.refresh_token;
			for (let day = 25; day < 90; day += 25) {
				api.clock.advance(25 * DAY);
				const next = await refresh(token);
				expect(next.status).toBe(201);
				token = next.body.refresh_token;
				expect(Number(payloadOf(token)['exp'])).toBeLessThanOrEqual(
					Number(payloadOf(first.access_token)['iat']) + 90 * DAY
				);
			}
			api.clock.advance(15 * DAY);
			expect((await refresh(token)).status).toBe(401);
		});
	});
});

describe('a refresh after the account lost a scope', () => {
	test('grants the original scopes the account still holds, never the lost one', async () => {
		const first = await issuePair(['messages:send', 'messages:read']);
		api.removeAccountScope('demo', 'messages:send');
		const result = await refresh(first.refresh_token);
		expect(result.status).toBe(201);
		expect(payloadOf(result.body.access_token)['scopes']).toEqual(['messages:read']);
		expect((await sendWith(result.body.access_token)).status).toBe(403);
	});

	test('is 401 when none of them is left: the client logs in again', async () => {
		const first = await issuePair(['messages:send']);
		api.removeAccountScope('demo', 'messages:send');
		expect((await refresh(first.refresh_token)).status).toBe(401);
	});
});
