import { createLocalJWKSet, jwtVerify } from 'jose';
import { describe, expect, test } from 'vitest';
import { TokenPairResponse } from '../../../../src/mock/contract/schemas.ts';
import { basic, bearer, call, issuePair, refresh } from '../../../support/http.ts';
import { payloadOf } from '../../../support/forge.ts';
import { DEFAULT_ISSUER } from '../../../../src/mock/createMockApi.ts';
import { useMockApi } from '../../../support/useMockApi.ts';

const api = useMockApi();
const PATH = '/3rdparty/v1/auth/token';

describe('POST /3rdparty/v1/auth/token', () => {
	test('answers 201 with a pair that matches the contract and must not be cached', async () => {
		const result = await call('POST', PATH, {
			authorization: basic(),
			json: { scopes: ['messages:send'] },
		});
		expect(result.status).toBe(201);
		expect(result.headers.get('cache-control')).toBe('no-store');
		expect(TokenPairResponse.safeParse(result.body).success).toBe(true);
		expect(result.body.expires_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
	});

	test('signs ES256 tokens with the listed claims, verifiable with the published key set', async () => {
		const pair = await issuePair(['messages:send', 'messages:read']);
		const jwks = await call('GET', '/3rdparty/v1/auth/jwks');
		const keySet = createLocalJWKSet(jwks.body);
		const options = {
			algorithms: ['ES256'],
			issuer: DEFAULT_ISSUER,
			requiredClaims: ['exp'],
			currentDate: new Date(api.clock.now()),
		};
		const access = await jwtVerify(pair.access_token, keySet, options);
		const refresh = await jwtVerify(pair.refresh_token, keySet, options);

		expect(access.payload).toMatchObject({
			jti: pair.id,
			sub: 'user-demo',
			scopes: ['messages:send', 'messages:read'],
			type: 'access',
		});
		expect(access.payload.jti).toHaveLength(21);
		expect(access.payload.exp! - access.payload.iat!).toBe(900);
		expect(Date.parse(pair.expires_at) / 1000).toBe(access.payload.exp);
		expect(refresh.payload).toMatchObject({
			scopes: ['tokens:refresh'],
			original_scopes: ['messages:send', 'messages:read'],
			type: 'refresh',
		});
		expect(refresh.payload.jti).not.toBe(access.payload.jti);
		expect(refresh.payload.exp! - refresh.payload.iat!).toBe(2_592_000);
	});

	test.each([
		{ ttl: undefined, lifetime: 900 },
		{ ttl: 0, lifetime: 900 },
		{ ttl: 60, lifetime: 60 },
		{ ttl: 900, lifetime: 900 },
		// The real server clamps silently: asking for an hour gets 15 minutes.
		{ ttl: 3600, lifetime: 900 },
	])('ttl $ttl gives an access token of $lifetime s', async ({ ttl, lifetime }) => {
		const pair = await issuePair(['messages:send'], ttl);
		const claims = payloadOf(pair.access_token);
		expect(Number(claims['exp']) - Number(claims['iat'])).toBe(lifetime);
	});

	test('a bearer token with tokens:manage may issue, but only scopes it holds', async () => {
		const manager = await issuePair(['tokens:manage', 'messages:send']);
		const allowed = await call('POST', PATH, {
			authorization: bearer(manager.access_token),
			json: { scopes: ['messages:send'] },
		});
		expect(allowed.status).toBe(201);
		const beyond = await call('POST', PATH, {
			authorization: bearer(manager.access_token),
			json: { scopes: ['settings:write'] },
		});
		expect(beyond).toMatchObject({
			status: 403,
			body: { error: 'scope_required', message: 'scope required: settings:write', code: 403 },
		});
	});

	const badBodies = [
		{
			name: 'not JSON',
			body: '{scopes:',
			error: 'invalid_body',
			message: 'invalid params: body must be a JSON object',
			field: 'body',
		},
		{
			name: 'an array',
			json: [],
			error: 'invalid_body',
			message: 'invalid params: body must be a JSON object',
			field: 'body',
		},
		{
			name: 'null',
			json: null,
			error: 'invalid_body',
			message: 'invalid params: body must be a JSON object',
			field: 'body',
		},
		{
			name: 'no scopes',
			json: {},
			error: 'scopes_required',
			message: 'invalid params: scopes are required',
			field: 'scopes',
		},
		{
			name: 'empty scopes',
			json: { scopes: [] },
			error: 'scopes_required',
			message: 'invalid params: scopes are required',
			field: 'scopes',
		},
		{
			name: 'scopes as a string',
			json: { scopes: 'messages:send' },
			error: 'scopes_required',
			message: 'invalid params: scopes are required',
			field: 'scopes',
		},
		{
			name: 'an unknown scope',
			json: { scopes: ['messages:fly'] },
			error: 'unknown_scope',
			message: 'invalid params: unknown scope messages:fly',
			field: 'scopes',
		},
		{
			name: 'the system scope',
			json: { scopes: ['tokens:refresh'] },
			error: 'system_scope_requested',
			message: 'invalid params: scope tokens:refresh cannot be requested',
			field: 'scopes',
		},
		{
			name: 'a negative ttl',
			json: { scopes: ['messages:send'], ttl: -1 },
			error: 'invalid_ttl',
			message: 'invalid params: ttl must be a non-negative integer',
			field: 'ttl',
		},
		{
			name: 'a fractional ttl',
			json: { scopes: ['messages:send'], ttl: 1.5 },
			error: 'invalid_ttl',
			message: 'invalid params: ttl must be a non-negative integer',
			field: 'ttl',
		},
		{
			name: 'a string ttl',
			json: { scopes: ['messages:send'], ttl: '900' },
			error: 'invalid_ttl',
			message: 'invalid params: ttl must be a non-negative integer',
			field: 'ttl',
		},
		{
			name: 'a misspelt field',
			json: { scope: ['messages:send'] },
			error: 'unknown_field',
			message: 'invalid params: unknown field scope',
			field: 'scope',
		},
	];
	test.each(badBodies)(
		'answers 400 naming the field for $name',
		async ({ json, body, error, message, field }) => {
			const result = await call('POST', PATH, {
				authorization: basic(),
				...(body === undefined ? { json } : { body }),
			});
			expect(result.status).toBe(400);
			expect(result.body).toEqual({ error, message, code: 400, data: { field } });
		}
	);

	test('answers 413 to a body over 64 KiB without parsing it', async () => {
		const result = await call('POST', PATH, {
			authorization: basic(),
			json: { scopes: ['messages:send'], padding: 'x'.repeat(70_000) },
		});
		expect(result).toMatchObject({
			status: 413,
			body: { error: 'payload_too_large', message: 'Payload Too Large', code: 413 },
		});
	});

	test.each([
		{ name: 'no Authorization', authorization: undefined },
		{ name: 'a wrong password', authorization: basic('demo', 'wrong') },
		{ name: 'an unknown user', authorization: basic('nobody', 'demo-password') },
		{ name: 'Basic without a colon', authorization: `Basic ${btoa('demo')}` },
		{ name: 'Basic that is not base64', authorization: 'Basic %%%' },
		{ name: 'an unknown scheme', authorization: 'Token abc' },
		{ name: 'a garbage bearer token', authorization: 'Bearer not.a.jwt' },
	])('answers 401 Unauthorized to $name', async ({ authorization }) => {
		const result = await call('POST', PATH, {
			...(authorization === undefined ? {} : { authorization }),
			json: { scopes: ['messages:send'] },
		});
		expect(result.status).toBe(401);
		expect(result.body).toEqual({ error: 'unauthorized', message: 'Unauthorized', code: 401 });
		expect(result.headers.get('www-authenticate')).toBe('Bearer');
	});

	test('a refresh token is not an access token: 401', async () => {
		const pair = await issuePair();
		const result = await call('POST', PATH, {
			authorization: bearer(pair.refresh_token),
			json: { scopes: ['messages:send'] },
		});
		expect(result.status).toBe(401);
	});

	test('an access token without tokens:manage gets 403 naming the scope', async () => {
		const pair = await issuePair(['messages:send']);
		const result = await call('POST', PATH, {
			authorization: bearer(pair.access_token),
			json: { scopes: ['messages:send'] },
		});
		expect(result).toMatchObject({
			status: 403,
			body: { error: 'scope_required', message: 'scope required: tokens:manage', code: 403 },
		});
	});

	test('authentication is checked before the body', async () => {
		const result = await call('POST', PATH, { body: '{not json' });
		expect(result.status).toBe(401);
		expect(api.log.entries().at(-1)?.response.status).toBe(401);
	});
});

test('a scope listed many times is granted once, so the pair still works and refreshes', async () => {
	const pair = await issuePair(Array.from({ length: 400 }, () => 'messages:read'));
	expect(payloadOf(pair.access_token)['scopes']).toEqual(['messages:read']);
	expect(payloadOf(pair.refresh_token)['original_scopes']).toEqual(['messages:read']);
	const used = await call('GET', '/3rdparty/v1/messages/nope', {
		authorization: bearer(pair.access_token),
	});
	expect(used.status).toBe(404);
	expect((await refresh(pair.refresh_token)).status).toBe(201);
});
