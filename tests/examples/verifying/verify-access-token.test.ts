import { errors } from 'jose';
import { describe, expect, test } from 'vitest';
import {
	API_ISSUER,
	hasScope,
	publishedKeySet,
	verifyAccessToken,
} from '../../../examples/verifying/verify-access-token.ts';
import { ISSUER } from '../../../src/mock/contract/issuer.ts';
import { useFakeDate } from '../../support/fakeDate.ts';
import { foreignToken, payloadOf, signedWith, unsignedToken } from '../../support/forge.ts';
import { issuePair } from '../../support/http.ts';
import { BASE_URL, useMockApi } from '../../support/useMockApi.ts';

const api = useMockApi();
// Pinned time: the skew test sits one second either side of the tolerance.
useFakeDate();

describe('verifyAccessToken', () => {
	test('accepts a genuine access token and returns its claims', async () => {
		const pair = await issuePair(['messages:send']);
		const claims = await verifyAccessToken(
			pair.access_token,
			publishedKeySet(BASE_URL),
			api.issuer
		);
		expect(claims).toMatchObject({ jti: pair.id, sub: 'user-demo', scopes: ['messages:send'] });
		expect(hasScope(claims, 'messages:send')).toBe(true);
		expect(hasScope(claims, 'settings:write')).toBe(false);
	});

	test("pins the contract's issuer when none is passed", async () => {
		expect(API_ISSUER).toBe(ISSUER);
		expect(api.issuer).toBe(ISSUER);
		const pair = await issuePair(['messages:send']);
		await expect(
			verifyAccessToken(pair.access_token, publishedKeySet(BASE_URL))
		).resolves.toMatchObject({ iss: ISSUER });
		const key = await api.signingKey();
		const elsewhere = await signedWith(key.privateKey, key.kid, {
			...payloadOf(pair.access_token),
			iss: 'https://api.token-pair.example.evil',
		});
		await expect(verifyAccessToken(elsewhere, publishedKeySet(BASE_URL))).rejects.toBeInstanceOf(
			errors.JWTClaimValidationFailed
		);
	});

	test('fetches the key set once and reuses it', async () => {
		const keySet = publishedKeySet(BASE_URL);
		const pair = await issuePair();
		await verifyAccessToken(pair.access_token, keySet, api.issuer);
		await verifyAccessToken(pair.access_token, keySet, api.issuer);
		expect(api.log.entries().filter((entry) => entry.request.url.endsWith('/jwks'))).toHaveLength(
			1
		);
	});

	test.each([
		{
			name: 'a refresh token (type refresh)',
			token: async () => (await issuePair()).refresh_token,
			error: errors.JWTClaimValidationFailed,
		},
		{
			name: 'an expired token',
			token: async () => {
				const key = await api.signingKey();
				const claims = payloadOf((await issuePair()).access_token);
				return signedWith(key.privateKey, key.kid, { ...claims, exp: Number(claims['iat']) - 10 });
			},
			error: errors.JWTExpired,
		},
		{
			name: 'a token without exp',
			token: async () => {
				const key = await api.signingKey();
				const { exp: _exp, ...claims } = payloadOf((await issuePair()).access_token);
				return signedWith(key.privateKey, key.kid, claims);
			},
			error: errors.JWTClaimValidationFailed,
		},
		{
			name: 'alg none',
			token: async () => unsignedToken(payloadOf((await issuePair()).access_token)),
			error: errors.JOSEAlgNotAllowed,
		},
		{
			name: 'a token signed by another key',
			token: async () => foreignToken(payloadOf((await issuePair()).access_token)),
			error: errors.JOSEError,
		},
		{
			name: 'scopes that are not a list',
			token: async () => {
				const key = await api.signingKey();
				return signedWith(key.privateKey, key.kid, {
					...payloadOf((await issuePair()).access_token),
					scopes: 'all:any',
				});
			},
			error: errors.JWTClaimValidationFailed,
		},
		{
			name: 'another issuer',
			token: async () => {
				const key = await api.signingKey();
				return signedWith(key.privateKey, key.kid, {
					...payloadOf((await issuePair()).access_token),
					iss: 'https://evil.example',
				});
			},
			error: errors.JWTClaimValidationFailed,
		},
	])('rejects $name', async ({ token, error }) => {
		await expect(
			verifyAccessToken(await token(), publishedKeySet(BASE_URL), api.issuer)
		).rejects.toBeInstanceOf(error);
	});

	test('tolerates 5 seconds of clock skew, not more', async () => {
		const key = await api.signingKey();
		const claims = payloadOf((await issuePair()).access_token);
		const now = Math.floor(Date.now() / 1000);
		const justExpired = await signedWith(key.privateKey, key.kid, { ...claims, exp: now - 4 });
		const longExpired = await signedWith(key.privateKey, key.kid, { ...claims, exp: now - 6 });
		await expect(
			verifyAccessToken(justExpired, publishedKeySet(BASE_URL), api.issuer)
		).resolves.toBeDefined();
		await expect(
			verifyAccessToken(longExpired, publishedKeySet(BASE_URL), api.issuer)
		).rejects.toBeInstanceOf(errors.JWTExpired);
	});

	test('all:any grants everything but the system scope', () => {
		const claims = { sub: 'u', jti: 'j', scopes: ['all:any'] };
		expect(hasScope(claims, 'settings:write')).toBe(true);
		expect(hasScope(claims, 'tokens:refresh')).toBe(false);
	});
});
