import { SignJWT } from 'jose';
import { describe, expect, test } from 'vitest';
import {
	assertPublishable,
	collectIds,
	placeholderForJwt,
	redactBody,
} from '../../../src/verify/samples/redactBody.ts';
import type { Exchange } from '../../../src/mock/log/ExchangeLog.ts';

const secret = new TextEncoder().encode('a-test-secret-that-is-long-enough!!');
const jwt = (claims: Record<string, unknown>) =>
	new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(secret);
const none = { tokenIds: new Set<string>(), otherIds: new Map<string, string>() };

describe('redactBody', () => {
	test('replaces JWTs by the placeholder of their kind, wherever they are', async () => {
		const access = await jwt({ type: 'access', jti: 'a' });
		const refresh = await jwt({ type: 'refresh', jti: 'r' });
		const service = await jwt({ type: 'access', name: 'billing', jti: 's' });
		expect(
			redactBody(
				{
					access_token: access,
					refresh_token: refresh,
					token: service,
					nested: [{ other: access }],
					cookie: `refresh_token=${refresh}; HttpOnly`,
				},
				none
			)
		).toEqual({
			access_token: '<ACCESS_TOKEN>',
			refresh_token: '<REFRESH_TOKEN>',
			token: '<SERVICE_TOKEN>',
			nested: [{ other: '<ACCESS_TOKEN>' }],
			cookie: 'refresh_token=<REFRESH_TOKEN>; HttpOnly',
		});
	});

	test('falls back to the field name for a JWT whose payload does not decode', () => {
		expect(placeholderForJwt('eyJhbGciOiJub25lIn0.!!!.sig', 'refresh_token')).toBe(
			'<REFRESH_TOKEN>'
		);
		expect(placeholderForJwt('eyJhbGciOiJub25lIn0.!!!.sig')).toBe('<ACCESS_TOKEN>');
	});

	test('replaces token ids and other ids, and leaves the rest alone', () => {
		const ids = { tokenIds: new Set(['jti-1']), otherIds: new Map([['msg-1', 'stand-in']]) };
		expect(
			redactBody({ id: 'jti-1', ref: 'msg-1', state: 'Pending', n: 3, ok: true }, ids)
		).toEqual({ id: '<TOKEN_ID>', ref: 'stand-in', state: 'Pending', n: 3, ok: true });
	});

	test('replaces JWK key material, keeping the field names and descriptors', () => {
		const key = {
			kty: 'EC',
			crv: 'P-256',
			alg: 'ES256',
			use: 'sig',
			x: 'AAA',
			y: 'BBB',
			kid: 'CCC',
			d: 'DDD',
		};
		expect(redactBody({ keys: [key] }, none)).toEqual({
			keys: [
				{
					kty: 'EC',
					crv: 'P-256',
					alg: 'ES256',
					use: 'sig',
					x: 'base64url-x-coordinate',
					y: 'base64url-y-coordinate',
					kid: 'key-thumbprint',
					d: 'base64url-d',
				},
			],
		});
	});
});

describe('collectIds', () => {
	test('finds jtis in every JWT a response carried, and other ids in bodies', async () => {
		const access = await jwt({ type: 'access', jti: 'jti-access' });
		const exchange = (body: string, headers: Record<string, string> = {}): Exchange => ({
			seq: 1,
			at: 0,
			request: { method: 'POST', url: 'https://x/', headers: {}, body: null },
			response: { status: 200, headers, body },
		});
		const ids = collectIds([
			exchange(JSON.stringify({ id: 'jti-access', access_token: access })),
			exchange(JSON.stringify({ id: 'message-1', state: 'Pending' })),
			exchange('', { 'set-cookie': `refresh_token=${await jwt({ jti: 'jti-cookie' })}` }),
		]);
		expect([...ids.tokenIds].sort()).toEqual(['jti-access', 'jti-cookie']);
		expect([...ids.otherIds]).toEqual([['message-1', 'V1StGXR8_Z5jdHi6B-myT']]);
	});
});

describe('assertPublishable', () => {
	test.each([
		['a JWT', '"access_token": "eyJhbGciOiJFUzI1NiJ9.e30.sig"'],
		['a truncated JWT', '"x": "eyJhbGciOi"'],
		['random key material', '"x": "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU"'],
		['a literal credential', '"Authorization: Bearer abc.def.ghi"'],
	])('refuses %s', (_name, line) => {
		expect(() => assertPublishable('bad', `{\n${line}\n}`)).toThrow(/not publishable/);
	});

	test('accepts placeholders and stand-ins', () => {
		expect(() =>
			assertPublishable(
				'good',
				'{\n"access_token": "<ACCESS_TOKEN>",\n"x": "base64url-x-coordinate"\n}'
			)
		).not.toThrow();
	});
});
