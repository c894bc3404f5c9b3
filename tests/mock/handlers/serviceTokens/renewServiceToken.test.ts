import { describe, expect, test } from 'vitest';
import { ServiceTokenResponse } from '../../../../src/mock/contract/schemas.ts';
import { errorBody } from '../../../../src/mock/contract/errors.ts';
import { payloadOf } from '../../../support/forge.ts';
import { basic, bearer, call, issuePair } from '../../../support/http.ts';
import { useMockApi } from '../../../support/useMockApi.ts';
import {
	listServiceTokens,
	mintServiceToken,
	renewServiceToken,
} from '../../support/serviceTokens.ts';

const api = useMockApi();
const DAY = 86_400;
const OTHER = basic('other', 'other-password');
const message = { phoneNumbers: ['+15550100'], textMessage: { text: 'Hello' } };

const send = (token: string) =>
	call('POST', '/3rdparty/v1/messages', { authorization: bearer(token), json: message });
const lifetimeOf = (token: string) => {
	const claims = payloadOf(token);
	return Number(claims['exp']) - Number(claims['iat']);
};

describe('POST /3rdparty/v1/service-tokens/{id}/renew', () => {
	test('answers 201 with a new token: same name and scopes, new id, not cacheable', async () => {
		const original = await mintServiceToken(['messages:send', 'messages:read'], {
			name: 'flowbot',
		});
		const result = await renewServiceToken(original.id, {});
		expect(result.status).toBe(201);
		expect(result.headers.get('cache-control')).toBe('no-store');
		expect(ServiceTokenResponse.safeParse(result.body).success).toBe(true);
		expect(result.body).toMatchObject({
			name: 'flowbot',
			scopes: ['messages:send', 'messages:read'],
		});
		expect(result.body.id).not.toBe(original.id);
		expect(result.body.token).not.toBe(original.token);
		expect(payloadOf(result.body.token)).toMatchObject({
			jti: result.body.id,
			name: 'flowbot',
			type: 'access',
			scopes: ['messages:send', 'messages:read'],
		});
		const listed = (await listServiceTokens()).body;
		expect(listed.map((token: { name: string }) => token.name)).toEqual(['flowbot', 'flowbot']);
	});

	test('an empty body means {}: the cap', async () => {
		const original = await mintServiceToken(['messages:send']);
		const result = await renewServiceToken(original.id);
		expect(result.status).toBe(201);
		expect(lifetimeOf(result.body.token)).toBe(30 * DAY);
	});

	test('the original works until its own expiry, then is refused; the renewal works on', async () => {
		const original = await mintServiceToken(['messages:send'], { ttl: 3600 });
		api.clock.advance(1800);
		const renewed = (await renewServiceToken(original.id, {})).body;
		expect((await send(original.token)).status).toBe(202);
		expect((await send(renewed.token)).status).toBe(202);
		api.clock.advance(1799);
		expect((await send(original.token)).status).toBe(202);
		api.clock.advance(1);
		expect((await send(original.token)).status).toBe(401);
		expect((await send(renewed.token)).status).toBe(202);
	});

	test('an expired original may be renewed', async () => {
		const original = await mintServiceToken(['messages:send'], { ttl: 60 });
		api.clock.advance(10 * DAY);
		expect((await send(original.token)).status).toBe(401);
		const renewed = await renewServiceToken(original.id, {});
		expect(renewed.status).toBe(201);
		expect((await send(renewed.body.token)).status).toBe(202);
	});

	test('a renewal can be renewed, and revoking the original leaves the renewal alone', async () => {
		const original = await mintServiceToken(['messages:send']);
		const second = (await renewServiceToken(original.id, {})).body;
		const third = await renewServiceToken(second.id, {});
		expect(third.status).toBe(201);
		await call('DELETE', `/3rdparty/v1/auth/token/${original.id}`, { authorization: basic() });
		expect((await send(original.token)).status).toBe(401);
		expect((await send(second.token)).status).toBe(202);
	});

	describe('lifetime: the cap of the recorded scopes', () => {
		test.each([
			{ scopes: ['messages:read'], cap: 90 * DAY },
			{ scopes: ['messages:send'], cap: 30 * DAY },
			{ scopes: ['messages:send', 'settings:write'], cap: 7 * DAY },
			{ scopes: ['tokens:manage'], cap: 1 * DAY },
		])(
			'$scopes: absent → $cap s, a shorter ttl honoured, cap + 1 is 400',
			async ({ scopes, cap }) => {
				const original = await mintServiceToken(scopes, { ttl: 60 });
				expect(lifetimeOf((await renewServiceToken(original.id, {})).body.token)).toBe(cap);
				expect(lifetimeOf((await renewServiceToken(original.id, { ttl: 0 })).body.token)).toBe(cap);
				expect(lifetimeOf((await renewServiceToken(original.id, { ttl: 120 })).body.token)).toBe(
					120
				);
				const over = await renewServiceToken(original.id, { ttl: cap + 1 });
				expect(over.status).toBe(400);
				expect(over.body).toEqual({
					error: 'ttl_too_long',
					message: `invalid params: ttl exceeds the maximum of ${cap} seconds`,
					code: 400,
					data: { field: 'ttl', max_ttl: cap },
				});
			}
		);
	});

	describe('the caller must still hold every scope the token was minted with', () => {
		test('a scope taken from the account: 403 naming it, with data.missing_scopes', async () => {
			const original = await mintServiceToken(['messages:send', 'messages:read']);
			api.removeAccountScope('demo', 'messages:send');
			const result = await renewServiceToken(original.id, {});
			expect(result.status).toBe(403);
			expect(result.body).toEqual({
				error: 'missing_scopes',
				message: 'missing scopes: messages:send',
				code: 403,
				data: { missing_scopes: ['messages:send'] },
			});
			// Taking the role away does not kill the token already issued (a JWT lives to its exp).
			expect((await send(original.token)).status).toBe(202);
		});

		test('every missing scope is listed, in the order the token has them', async () => {
			const original = await mintServiceToken(['messages:read', 'messages:send', 'logs:read']);
			api.removeAccountScope('demo', 'messages:send');
			api.removeAccountScope('demo', 'messages:read');
			const result = await renewServiceToken(original.id, {});
			expect(result.body).toEqual({
				error: 'missing_scopes',
				message: 'missing scopes: messages:read, messages:send',
				code: 403,
				data: { missing_scopes: ['messages:read', 'messages:send'] },
			});
		});

		test('the missing-scope check comes before the lifetime check', async () => {
			const original = await mintServiceToken(['messages:send']);
			api.removeAccountScope('demo', 'messages:send');
			expect((await renewServiceToken(original.id, { ttl: 999 * DAY })).status).toBe(403);
		});

		test('a bearer caller must hold them too, not just tokens:manage', async () => {
			const original = await mintServiceToken(['messages:send', 'settings:write']);
			const manager = await issuePair(['tokens:manage', 'messages:send']);
			const result = await renewServiceToken(original.id, {}, bearer(manager.access_token));
			expect(result).toMatchObject({
				status: 403,
				body: {
					error: 'missing_scopes',
					message: 'missing scopes: settings:write',
					data: { missing_scopes: ['settings:write'] },
				},
			});
			const full = await issuePair(['tokens:manage', 'messages:send', 'settings:write']);
			expect((await renewServiceToken(original.id, {}, bearer(full.access_token))).status).toBe(
				201
			);
		});

		test("a bearer token that still carries the scope does not cover the account's loss", async () => {
			const original = await mintServiceToken(['messages:send']);
			const manager = await issuePair(['all:any']);
			api.removeAccountScope('demo', 'messages:send');
			const result = await renewServiceToken(original.id, {}, bearer(manager.access_token));
			expect(result).toMatchObject({
				status: 403,
				body: {
					error: 'missing_scopes',
					message: 'missing scopes: messages:send',
					data: { missing_scopes: ['messages:send'] },
				},
			});
		});
	});

	describe('404: the caller must own it', () => {
		test("another account's token is 404, exactly like an unknown id", async () => {
			const original = await mintServiceToken();
			const foreign = await renewServiceToken(original.id, {}, OTHER);
			const unknown = await renewServiceToken('no-such-token-000000', {});
			expect(foreign).toMatchObject({
				status: 404,
				body: { error: 'service_token_not_found', message: 'service token not found', code: 404 },
			});
			expect(unknown.body).toEqual(foreign.body);
		});

		test("a token pair's id is not a service token: 404", async () => {
			const pair = await issuePair();
			expect((await renewServiceToken(pair.id, {})).status).toBe(404);
		});

		test('a revoked token cannot be renewed: 404', async () => {
			const original = await mintServiceToken();
			await call('DELETE', `/3rdparty/v1/auth/token/${original.id}`, { authorization: basic() });
			expect((await renewServiceToken(original.id, {})).status).toBe(404);
		});

		test.each([
			'%2E%2E',
			'..%2Fservice-tokens',
			'%00',
			'%F0%9F%94%91',
			'%E0%A4%A',
			encodeURIComponent('<script>'),
			'x'.repeat(5000),
			'__proto__',
			'constructor',
		])('an odd id %s is 404, never a 5xx', async (id) => {
			const result = await renewServiceToken(id, {});
			expect(result.status).toBe(404);
		});
	});

	test('a legacy token (no recorded scopes) is 400 and asks for a new one', async () => {
		const legacy = await api.seedLegacyServiceToken({
			username: 'demo',
			name: 'old',
			scopes: ['messages:send'],
		});
		expect((await send(legacy.token)).status).toBe(202);
		const result = await renewServiceToken(legacy.id, {});
		expect(result.status).toBe(400);
		expect(result.body).toEqual({
			error: 'scopes_not_recorded',
			message: 'token has no recorded scopes; mint a new one',
			code: 400,
		});
	});

	test.each([
		{ case: 'a negative ttl', body: JSON.stringify({ ttl: -5 }), field: 'ttl' },
		{ case: 'a string ttl', body: JSON.stringify({ ttl: 'forever' }), field: 'ttl' },
		{
			case: 'an unknown field',
			body: JSON.stringify({ lifetime_minutes: 5 }),
			field: 'lifetime_minutes',
		},
		{ case: 'not JSON', body: '{ttl:', field: 'body' },
		{ case: 'a JSON string', body: '"renew"', field: 'body' },
	])('400 for $case', async ({ body, field }) => {
		const original = await mintServiceToken();
		const result = await call('POST', `/3rdparty/v1/service-tokens/${original.id}/renew`, {
			authorization: basic(),
			body,
			headers: { 'Content-Type': 'application/json' },
		});
		expect(result.status).toBe(400);
		expect(result.body.data).toEqual({ field });
	});

	test('413 for a body over 64 KiB', async () => {
		const original = await mintServiceToken();
		const result = await renewServiceToken(original.id, { ttl: 60, pad: 'x'.repeat(70_000) });
		expect(result.status).toBe(413);
	});

	test('without tokens:manage: 403; without credentials: 401', async () => {
		const original = await mintServiceToken();
		const reader = await issuePair(['messages:read']);
		expect(await renewServiceToken(original.id, {}, bearer(reader.access_token))).toMatchObject({
			status: 403,
			body: { error: 'scope_required', message: 'scope required: tokens:manage', code: 403 },
		});
		const anonymous = await call('POST', `/3rdparty/v1/service-tokens/${original.id}/renew`);
		expect(anonymous).toMatchObject({
			status: 401,
			body: { error: 'unauthorized', message: 'Unauthorized', code: 401 },
		});
	});
});

describe('a token cannot extend its own authority', () => {
	test('a tokens:manage service token cannot renew itself: 403, and nothing is minted', async () => {
		const manager = await mintServiceToken(['tokens:manage', 'messages:read']);
		const result = await renewServiceToken(manager.id, {}, bearer(manager.token));
		expect(result.status).toBe(403);
		expect(result.body).toEqual(errorBody('selfRenewal'));
		expect((await listServiceTokens()).body).toHaveLength(1);
	});

	test('the same token is renewed with the account’s credentials, never by another manager token', async () => {
		const manager = await mintServiceToken(['tokens:manage', 'messages:read']);
		const other = await mintServiceToken(['tokens:manage', 'messages:read'], { name: 'ops' });
		expect((await renewServiceToken(manager.id, {})).status).toBe(201);
		const byOther = await renewServiceToken(manager.id, {}, bearer(other.token));
		expect(byOther.status).toBe(403);
		expect(byOther.body).toEqual(errorBody('grantRequiresBasic', { scope: 'tokens:manage' }));
	});
});
