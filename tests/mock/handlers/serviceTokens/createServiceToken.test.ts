import { createLocalJWKSet, jwtVerify } from 'jose';
import { describe, expect, test } from 'vitest';
import { ServiceTokenResponse } from '../../../../src/mock/contract/schemas.ts';
import { payloadOf } from '../../../support/forge.ts';
import { basic, bearer, call, issuePair } from '../../../support/http.ts';
import { useMockApi } from '../../../support/useMockApi.ts';
import { createServiceToken, mintServiceToken } from '../../support/serviceTokens.ts';

const api = useMockApi();
const DAY = 86_400;
const message = { phoneNumbers: ['+15550100'], textMessage: { text: 'Hello' } };

const lifetimeOf = (token: string) => {
	const claims = payloadOf(token);
	return Number(claims['exp']) - Number(claims['iat']);
};

describe('POST /3rdparty/v1/service-tokens', () => {
	test('answers 201 with a named token that matches the contract and must not be cached', async () => {
		const result = await createServiceToken({ name: 'flowbot', scopes: ['messages:send'] });
		expect(result.status).toBe(201);
		expect(result.headers.get('cache-control')).toBe('no-store');
		expect(ServiceTokenResponse.safeParse(result.body).success).toBe(true);
		expect(result.body).toMatchObject({ name: 'flowbot', scopes: ['messages:send'] });
		expect(Date.parse(result.body.expires_at) / 1000).toBe(payloadOf(result.body.token)['exp']);
	});

	test('the token is an ES256 access token carrying its name, verifiable with the key set', async () => {
		const token = await mintServiceToken(['messages:send'], { name: 'airflow' });
		const jwks = await call('GET', '/3rdparty/v1/auth/jwks');
		const { payload } = await jwtVerify(token.token, createLocalJWKSet(jwks.body), {
			algorithms: ['ES256'],
			issuer: api.issuer,
			requiredClaims: ['exp'],
			currentDate: new Date(api.clock.now()),
		});
		expect(payload).toMatchObject({
			jti: token.id,
			sub: 'user-demo',
			type: 'access',
			name: 'airflow',
			scopes: ['messages:send'],
		});
		expect(payload.jti).toHaveLength(21);
	});

	test('it is used like an access token and checked against its scopes', async () => {
		const token = await mintServiceToken(['messages:send']);
		const sent = await call('POST', '/3rdparty/v1/messages', {
			authorization: bearer(token.token),
			json: message,
		});
		expect(sent.status).toBe(202);
		const read = await call('GET', `/3rdparty/v1/messages/${sent.body.id}`, {
			authorization: bearer(token.token),
		});
		expect(read).toMatchObject({
			status: 403,
			body: { error: 'scope_required', message: 'scope required: messages:read', code: 403 },
		});
	});

	test('revoking it by id (DELETE /3rdparty/v1/auth/token/{jti}) makes it 401', async () => {
		const token = await mintServiceToken(['messages:send']);
		const revoked = await call('DELETE', `/3rdparty/v1/auth/token/${token.id}`, {
			authorization: basic(),
		});
		expect(revoked.status).toBe(204);
		const sent = await call('POST', '/3rdparty/v1/messages', {
			authorization: bearer(token.token),
			json: message,
		});
		expect(sent).toMatchObject({
			status: 401,
			body: { error: 'unauthorized', message: 'Unauthorized', code: 401 },
		});
	});

	test('it expires exactly at its exp', async () => {
		const token = await mintServiceToken(['messages:send'], { ttl: 3600 });
		const send = () =>
			call('POST', '/3rdparty/v1/messages', { authorization: bearer(token.token), json: message });
		api.clock.advance(3599);
		expect((await send()).status).toBe(202);
		api.clock.advance(1);
		expect((await send()).status).toBe(401);
	});

	describe('lifetime caps: the smallest cap among the scopes; ttl absent or 0 means the cap', () => {
		test.each([
			{ scopes: ['messages:read'], cap: 90 * DAY },
			{ scopes: ['messages:send'], cap: 30 * DAY },
			{ scopes: ['messages:send', 'messages:read'], cap: 30 * DAY },
			{ scopes: ['webhooks:write'], cap: 14 * DAY },
			{ scopes: ['messages:read', 'settings:write'], cap: 7 * DAY },
			{ scopes: ['devices:delete'], cap: 7 * DAY },
			{ scopes: ['tokens:manage', 'messages:read'], cap: 1 * DAY },
			{ scopes: ['all:any'], cap: 1 * DAY },
		])('$scopes: cap $cap s', async ({ scopes, cap }) => {
			expect(lifetimeOf((await mintServiceToken(scopes)).token)).toBe(cap);
			expect(lifetimeOf((await mintServiceToken(scopes, { ttl: 0 })).token)).toBe(cap);
			expect(lifetimeOf((await mintServiceToken(scopes, { ttl: cap })).token)).toBe(cap);
			expect(lifetimeOf((await mintServiceToken(scopes, { ttl: 60 })).token)).toBe(60);
			const over = await createServiceToken({ name: 'x', scopes, ttl: cap + 1 });
			expect(over).toMatchObject({ status: 400 });
			expect(over.body).toEqual({
				error: 'ttl_too_long',
				message: `invalid params: ttl exceeds the maximum of ${cap} seconds`,
				code: 400,
				data: { field: 'ttl', max_ttl: cap },
			});
		});
	});

	test.each(['billing-sync', 'Überweisungen', 'رسائل', '请求 worker', 'deploy 🚀', 'a\u200Db'])(
		'a visible name without bidirectional controls is accepted: %j',
		async (name) => {
			expect((await mintServiceToken(['messages:send'], { name })).name).toBe(name);
		}
	);

	test('repeated scopes are recorded once', async () => {
		const token = await mintServiceToken(['messages:send', 'messages:send']);
		expect(token.scopes).toEqual(['messages:send']);
	});

	const NAME_ERROR = {
		error: 'invalid_name',
		message: 'invalid params: name is required (1 to 128 printable characters)',
		code: 400,
		data: { field: 'name' },
	};
	test.each([
		{ case: 'no name', json: { scopes: ['messages:send'] }, error: NAME_ERROR },
		{ case: 'an empty name', json: { name: '', scopes: ['messages:send'] }, error: NAME_ERROR },
		{ case: 'a blank name', json: { name: '  \t', scopes: ['messages:send'] }, error: NAME_ERROR },
		{
			case: 'a name of 129 characters',
			json: { name: 'n'.repeat(129), scopes: ['messages:send'] },
			error: NAME_ERROR,
		},
		{ case: 'a numeric name', json: { name: 7, scopes: ['messages:send'] }, error: NAME_ERROR },
		{
			case: 'a name with a newline',
			json: { name: 'a\nb', scopes: ['messages:send'] },
			error: NAME_ERROR,
		},
		...[
			['only a zero-width space', '\u200B'],
			['only zero-width characters and spaces', ' \u200B\u200C\u2060 \uFEFF'],
			['a right-to-left override', 'billing\u202Etxt.exe'],
			['a right-to-left isolate', 'ops\u2067x\u2069'],
			['a left-to-right mark', 'ops\u200E'],
			['an Arabic letter mark', 'ops\u061C'],
		].map(([what, name]) => ({
			case: `a name with ${what}`,
			json: { name, scopes: ['messages:send'] },
			error: NAME_ERROR,
		})),
		{
			case: 'no scopes',
			json: { name: 'x' },
			error: {
				error: 'scopes_required',
				message: 'invalid params: scopes are required',
				code: 400,
				data: { field: 'scopes' },
			},
		},
		{
			case: 'empty scopes',
			json: { name: 'x', scopes: [] },
			error: {
				error: 'scopes_required',
				message: 'invalid params: scopes are required',
				code: 400,
				data: { field: 'scopes' },
			},
		},
		{
			case: 'an unknown scope',
			json: { name: 'x', scopes: ['messages:fly'] },
			error: {
				error: 'unknown_scope',
				message: 'invalid params: unknown scope messages:fly',
				code: 400,
				data: { field: 'scopes' },
			},
		},
		{
			case: 'the system scope',
			json: { name: 'x', scopes: ['tokens:refresh'] },
			error: {
				error: 'system_scope_requested',
				message: 'invalid params: scope tokens:refresh cannot be requested',
				code: 400,
				data: { field: 'scopes' },
			},
		},
		{
			case: 'a negative ttl',
			json: { name: 'x', scopes: ['messages:send'], ttl: -1 },
			error: {
				error: 'invalid_ttl',
				message: 'invalid params: ttl must be a non-negative integer',
				code: 400,
				data: { field: 'ttl' },
			},
		},
		{
			case: 'a string ttl',
			json: { name: 'x', scopes: ['messages:send'], ttl: '60' },
			error: {
				error: 'invalid_ttl',
				message: 'invalid params: ttl must be a non-negative integer',
				code: 400,
				data: { field: 'ttl' },
			},
		},
		{
			case: 'a ttl beyond safe integers',
			json: { name: 'x', scopes: ['messages:send'], ttl: 1e300 },
			error: {
				error: 'invalid_ttl',
				message: 'invalid params: ttl must be a non-negative integer',
				code: 400,
				data: { field: 'ttl' },
			},
		},
		{
			case: 'an unknown field',
			json: { name: 'x', scopes: ['messages:send'], lifetime_minutes: 5 },
			error: {
				error: 'unknown_field',
				message: 'invalid params: unknown field lifetime_minutes',
				code: 400,
				data: { field: 'lifetime_minutes' },
			},
		},
		{
			case: 'an array body',
			json: [],
			error: {
				error: 'invalid_body',
				message: 'invalid params: body must be a JSON object',
				code: 400,
				data: { field: 'body' },
			},
		},
	])('400 for $case', async ({ json, error }) => {
		const result = await createServiceToken(json);
		expect(result.status).toBe(400);
		expect(result.body).toEqual(error);
	});

	test('413 for a body over 64 KiB', async () => {
		const result = await createServiceToken({
			name: 'x'.repeat(70_000),
			scopes: ['messages:send'],
		});
		expect(result).toMatchObject({
			status: 413,
			body: { error: 'payload_too_large', message: 'Payload Too Large', code: 413 },
		});
	});

	test('a bearer token with tokens:manage may create, but only with scopes it holds', async () => {
		const manager = await issuePair(['tokens:manage', 'messages:send']);
		const allowed = await createServiceToken(
			{ name: 'x', scopes: ['messages:send'] },
			bearer(manager.access_token)
		);
		expect(allowed.status).toBe(201);
		const beyond = await createServiceToken(
			{ name: 'x', scopes: ['settings:write'] },
			bearer(manager.access_token)
		);
		expect(beyond).toMatchObject({
			status: 403,
			body: { error: 'scope_required', message: 'scope required: settings:write', code: 403 },
		});
	});

	test('nothing is minted beyond what the account is still granted', async () => {
		const manager = await issuePair(['all:any']);
		api.removeAccountScope('demo', 'settings:write');
		for (const authorization of [basic(), bearer(manager.access_token)]) {
			const result = await createServiceToken(
				{ name: 'x', scopes: ['settings:write'] },
				authorization
			);
			expect(result).toMatchObject({
				status: 403,
				body: { error: 'scope_required', message: 'scope required: settings:write', code: 403 },
			});
		}
		expect((await createServiceToken({ name: 'x', scopes: ['settings:read'] })).status).toBe(201);
	});

	test('without tokens:manage: 403; without credentials: 401', async () => {
		const pair = await issuePair(['messages:send']);
		const forbidden = await createServiceToken(
			{ name: 'x', scopes: ['messages:send'] },
			bearer(pair.access_token)
		);
		expect(forbidden).toMatchObject({
			status: 403,
			body: { error: 'scope_required', message: 'scope required: tokens:manage', code: 403 },
		});
		const anonymous = await call('POST', '/3rdparty/v1/service-tokens', {
			json: { name: 'x', scopes: ['messages:send'] },
		});
		expect(anonymous).toMatchObject({
			status: 401,
			body: { error: 'unauthorized', message: 'Unauthorized', code: 401 },
		});
		const refreshToken = await createServiceToken(
			{ name: 'x', scopes: ['messages:send'] },
			bearer(pair.refresh_token)
		);
		expect(refreshToken.status).toBe(401);
	});
});
