import { describe, expect, test } from 'vitest';
import { errorBody } from '../../../../src/mock/contract/errors.ts';
import { SessionResponse } from '../../../../src/mock/contract/schemas.ts';
import { payloadOf } from '../../../support/forge.ts';
import { bearer, call, refresh } from '../../../support/http.ts';
import { useMockApi } from '../../../support/useMockApi.ts';
import { loggedIn, login, refreshSession } from '../../support/sessions.ts';

const api = useMockApi();
const JWT = /^[\w-]+\.[\w-]+\.[\w-]+$/;
const message = { phoneNumbers: ['+15550100'], textMessage: { text: 'Hello' } };

describe('POST /auth/login', () => {
	test('answers 200 with the access token in the body and nothing else', async () => {
		const result = await login();
		expect(result.status).toBe(200);
		expect(result.headers.get('cache-control')).toBe('no-store');
		expect(SessionResponse.safeParse(result.body).success).toBe(true);
		expect(Object.keys(result.body).sort()).toEqual(['access_token', 'expires_in', 'token_type']);
		expect(result.body).toMatchObject({ token_type: 'Bearer', expires_in: 900 });
		expect(JSON.stringify(result.body)).not.toContain(result.cookie);
	});

	test('sets exactly one cookie, with exactly the contract attributes and a 30-day Max-Age', async () => {
		const result = await login();
		expect(result.setCookies).toHaveLength(1);
		expect(result.cookie).toMatch(JWT);
		expect(result.setCookies[0]).toBe(
			`refresh_token=${result.cookie}; HttpOnly; Secure; SameSite=Strict; Path=/auth; Max-Age=2592000`
		);
	});

	test('the cookie holds a refresh token; the body an access token that expires in expires_in', async () => {
		const result = await login();
		const refreshClaims = payloadOf(result.cookie ?? '');
		const accessClaims = payloadOf(result.body.access_token);
		expect(refreshClaims).toMatchObject({
			type: 'refresh',
			sub: 'user-demo',
			scopes: ['tokens:refresh'],
		});
		expect(accessClaims).toMatchObject({ type: 'access', sub: 'user-demo' });
		expect(Number(accessClaims['exp']) - Number(accessClaims['iat'])).toBe(result.body.expires_in);
	});

	test('the session scopes: everything the account holds but all:any and tokens:manage', async () => {
		const { accessToken } = await loggedIn();
		expect(payloadOf(accessToken)['scopes']).toEqual([
			'messages:send',
			'messages:read',
			'messages:list',
			'devices:list',
			'devices:delete',
			'webhooks:list',
			'webhooks:write',
			'webhooks:delete',
			'settings:read',
			'settings:write',
			'logs:read',
		]);
		const sent = await call('POST', '/3rdparty/v1/messages', {
			authorization: bearer(accessToken),
			json: message,
		});
		expect(sent.status).toBe(202);
		// A session cannot mint credentials that would outlive it.
		const minted = await call('POST', '/3rdparty/v1/service-tokens', {
			authorization: bearer(accessToken),
			json: { name: 'x', scopes: ['messages:send'] },
		});
		expect(minted).toMatchObject({
			status: 403,
			body: { error: 'scope_required', message: 'scope required: tokens:manage' },
		});
	});

	test('a scope taken from the account is not in the next session', async () => {
		api.removeAccountScope('demo', 'settings:write');
		const { accessToken } = await loggedIn();
		expect(payloadOf(accessToken)['scopes']).not.toContain('settings:write');
		expect(payloadOf(accessToken)['scopes']).toContain('settings:read');
	});

	test('a new login ends the login of the cookie it replaces', async () => {
		const first = await loggedIn();
		const second = await login(undefined, `refresh_token=${first.refreshToken}`);
		expect(second.status).toBe(200);
		expect((await refreshSession(first.refreshToken)).status).toBe(401);
		expect((await refreshSession(second.cookie)).status).toBe(200);
	});

	test('a session refresh token is not a bearer API refresh token (and vice versa)', async () => {
		const { refreshToken } = await loggedIn();
		expect((await refresh(refreshToken)).status).toBe(401);
		// Refused without being spent: the cookie still works where it belongs.
		expect((await refreshSession(refreshToken)).status).toBe(200);
	});

	test.each([
		{ name: 'a wrong password', json: { username: 'demo', password: 'wrong' } },
		{ name: 'an unknown user', json: { username: 'nobody', password: 'demo-password' } },
		{ name: "another account's password", json: { username: 'demo', password: 'other-password' } },
	])('401 Unauthorized for $name, and no cookie', async ({ json }) => {
		const result = await login(json);
		expect(result.status).toBe(401);
		expect(result.body).toEqual({ error: 'unauthorized', message: 'Unauthorized', code: 401 });
		expect(result.setCookies).toEqual([]);
	});

	test.each([
		{
			name: 'no username',
			json: { password: 'x' },
			error: 'username_required',
			message: 'invalid params: username is required',
			field: 'username',
		},
		{
			name: 'an empty username',
			json: { username: '', password: 'x' },
			error: 'username_required',
			message: 'invalid params: username is required',
			field: 'username',
		},
		{
			name: 'a numeric username',
			json: { username: 1, password: 'x' },
			error: 'username_required',
			message: 'invalid params: username is required',
			field: 'username',
		},
		{
			name: 'no password',
			json: { username: 'demo' },
			error: 'password_required',
			message: 'invalid params: password is required',
			field: 'password',
		},
		{
			name: 'a null password',
			json: { username: 'demo', password: null },
			error: 'password_required',
			message: 'invalid params: password is required',
			field: 'password',
		},
		{
			name: 'an unknown field',
			json: { username: 'demo', password: 'x', remember: true },
			error: 'unknown_field',
			message: 'invalid params: unknown field remember',
			field: 'remember',
		},
		{
			name: 'an array',
			json: ['demo', 'demo-password'],
			error: 'invalid_body',
			message: 'invalid params: body must be a JSON object',
			field: 'body',
		},
		{
			name: 'a string',
			json: 'demo:demo-password',
			error: 'invalid_body',
			message: 'invalid params: body must be a JSON object',
			field: 'body',
		},
	])('400 for $name', async ({ json, error, message: text, field }) => {
		const result = await login(json);
		expect(result.status).toBe(400);
		expect(result.body).toEqual({ error, message: text, code: 400, data: { field } });
		expect(result.setCookies).toEqual([]);
	});

	describe('only application/json: what a cross-site form can send is 415 (login CSRF)', () => {
		const credentials = JSON.stringify({ username: 'demo', password: 'demo-password' });
		test.each([
			{ name: 'text/plain', type: 'text/plain', body: credentials },
			{ name: 'text/plain;charset=UTF-8', type: 'text/plain;charset=UTF-8', body: credentials },
			{
				name: 'a urlencoded form',
				type: 'application/x-www-form-urlencoded',
				body: 'username=demo&password=demo-password',
			},
			{ name: 'multipart', type: 'multipart/form-data; boundary=x', body: credentials },
			{ name: 'no Content-Type', type: undefined, body: credentials },
			{ name: 'application/jsonx', type: 'application/jsonx', body: credentials },
		])('$name: 415 with the error body, and no session', async ({ type, body }) => {
			const result = await call('POST', '/auth/login', {
				body,
				...(type === undefined ? {} : { headers: { 'Content-Type': type } }),
			});
			expect(result).toMatchObject({ status: 415, body: errorBody('unsupportedMediaType') });
			expect(result.headers.getSetCookie()).toEqual([]);
		});

		test.each(['application/json', 'Application/JSON; charset=utf-8', ' application/json ;x=1'])(
			'%j is accepted',
			async (type) => {
				const result = await call('POST', '/auth/login', {
					body: credentials,
					headers: { 'Content-Type': type },
				});
				expect(result.status).toBe(200);
			}
		);
	});

	test('400 for a body that is not JSON, 413 for one over 64 KiB', async () => {
		const bad = await call('POST', '/auth/login', {
			body: 'username=demo&password=x',
			headers: { 'Content-Type': 'application/json' },
		});
		expect(bad).toMatchObject({ status: 400, body: { data: { field: 'body' } } });
		const big = await login({ username: 'demo', password: 'x'.repeat(70_000) });
		expect(big).toMatchObject({
			status: 413,
			body: { error: 'payload_too_large', message: 'Payload Too Large', code: 413 },
		});
	});
});
