import { describe, expect, test } from 'vitest';
import {
	foreignToken,
	payloadOf,
	signedWith,
	unsignedToken,
	withPayload,
} from '../../support/forge.ts';
import { bearer, call, issuePair } from '../../support/http.ts';
import { useMockApi } from '../../support/useMockApi.ts';

const api = useMockApi();

const read = (token: string) =>
	call('GET', '/3rdparty/v1/messages/x', { authorization: bearer(token) });

describe('what the mock must never accept', () => {
	test('a genuine access token is accepted (the baseline the forgeries are measured against)', async () => {
		const pair = await issuePair(['messages:read']);
		expect((await read(pair.access_token)).status).toBe(404);
	});

	test.each([
		{
			name: 'alg none',
			forge: async (token: string) => unsignedToken(payloadOf(token)),
		},
		{
			name: 'a token signed by another key',
			forge: async (token: string) => foreignToken(payloadOf(token)),
		},
		{
			name: 'edited scopes',
			forge: async (token: string) =>
				withPayload(token, (claims) => void (claims['scopes'] = ['all:any'])),
		},
		{
			name: 'a token without exp',
			forge: async (token: string) => {
				const { exp: _exp, ...claims } = payloadOf(token);
				return foreignToken(claims);
			},
		},
		{
			name: 'a millisecond exp on a forged token',
			forge: async (token: string) =>
				foreignToken({ ...payloadOf(token), exp: Date.now() + 900_000 }),
		},
		{
			name: 'a truncated token',
			forge: async (token: string) => token.slice(0, -10),
		},
		{
			name: 'an extra segment',
			forge: async (token: string) => `${token}.extra`,
		},
		{
			name: 'a huge token',
			forge: async (token: string) => `${token}${'A'.repeat(20_000)}`,
		},
	])('refuses $name with 401', async ({ forge }) => {
		const pair = await issuePair(['messages:read']);
		const result = await read(await forge(pair.access_token));
		expect(result).toMatchObject({ status: 401, body: { message: 'Unauthorized', code: 401 } });
	});

	test.each([
		{ name: 'without exp', edit: ({ exp: _exp, ...claims }: Record<string, unknown>) => claims },
		{
			name: 'with exp in milliseconds',
			edit: (claims: Record<string, unknown>) => ({ ...claims, exp: Number(claims['exp']) * 1000 }),
		},
		{
			name: 'of type refresh',
			edit: (claims: Record<string, unknown>) => ({ ...claims, type: 'refresh' }),
		},
		{
			name: 'with another issuer',
			edit: (claims: Record<string, unknown>) => ({ ...claims, iss: 'https://evil.example' }),
		},
		{
			name: 'with scopes that are not a list',
			edit: (claims: Record<string, unknown>) => ({ ...claims, scopes: 'all:any' }),
		},
	])('refuses a token signed with the real key but $name', async ({ edit }) => {
		const pair = await issuePair(['messages:read']);
		const key = await api.signingKey();
		const forged = await signedWith(key.privateKey, key.kid, edit(payloadOf(pair.access_token)));
		expect((await read(forged)).status).toBe(401);
		// The same claims unedited are accepted, so the edit is what was refused.
		const control = await signedWith(key.privateKey, key.kid, payloadOf(pair.access_token));
		expect((await read(control)).status).toBe(404);
	});

	test('an access token stops working exactly at exp, not a second later', async () => {
		const pair = await issuePair(['messages:read']);
		api.clock.advance(899);
		expect((await read(pair.access_token)).status).toBe(404);
		api.clock.advance(1);
		expect((await read(pair.access_token)).status).toBe(401);
	});

	test('tokens from before a reset are unknown afterwards', async () => {
		const pair = await issuePair(['messages:read']);
		api.reset();
		expect((await read(pair.access_token)).status).toBe(401);
	});
});

describe('one genuine token has exactly one accepted spelling', () => {
	test('a signature re-spelt in non-canonical base64url (same bytes) is refused', async () => {
		const pair = await issuePair(['messages:read']);
		const [header, payload, signature = ''] = pair.access_token.split('.');
		const last = signature.at(-1) ?? 'A';
		// ES256 signatures are 64 bytes: the last base64url character carries 4 unused bits.
		const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
		const sibling = alphabet[alphabet.indexOf(last) ^ 1] ?? 'A';
		const respelt = `${header}.${payload}.${signature.slice(0, -1)}${sibling}`;
		expect(respelt).not.toBe(pair.access_token);
		expect((await read(respelt)).status).toBe(401);
		expect((await read(pair.access_token)).status).toBe(404);
	});

	test('a leaked-key token with iat and exp both in milliseconds is refused', async () => {
		const pair = await issuePair(['messages:read']);
		const key = await api.signingKey();
		const claims = payloadOf(pair.access_token);
		const forged = await signedWith(key.privateKey, key.kid, {
			...claims,
			iat: Number(claims['iat']) * 1000,
			exp: Number(claims['exp']) * 1000,
		});
		expect((await read(forged)).status).toBe(401);
	});
});
