import { jwtVerify, SignJWT } from 'jose';
import { describe, expect, test } from 'vitest';
import {
	exportSigningKey,
	generateSigningKey,
	importSigningKey,
} from '../../../src/mock/tokens/SigningKey.ts';

describe('exportSigningKey and importSigningKey', () => {
	test('carry a key pair: same kid and public JWK, and each side verifies the other’s tokens', async () => {
		const original = await generateSigningKey();
		const privateJwk = JSON.parse(JSON.stringify(await exportSigningKey(original)));
		expect(Object.keys(privateJwk).sort()).toEqual(['crv', 'd', 'kty', 'x', 'y']);
		const copy = await importSigningKey(privateJwk);
		expect(copy.kid).toBe(original.kid);
		expect(copy.publicJwk).toEqual(original.publicJwk);

		const sign = (key: CryptoKey) =>
			new SignJWT({ sub: 'user-1' }).setProtectedHeader({ alg: 'ES256' }).sign(key);
		await expect(jwtVerify(await sign(original.privateKey), copy.publicKey)).resolves.toBeDefined();
		await expect(jwtVerify(await sign(copy.privateKey), original.publicKey)).resolves.toBeDefined();
		// The copy can be carried on again.
		expect(await exportSigningKey(copy)).toEqual(privateJwk);
	});

	test.each([
		['a public key', ({ d: _, ...rest }: Record<string, string>) => rest],
		['another curve', (jwk: Record<string, string>) => ({ ...jwk, crv: 'P-384' })],
		['another key type', (jwk: Record<string, string>) => ({ ...jwk, kty: 'OKP' })],
	])('refuses %s', async (_, spoil) => {
		const jwk = (await exportSigningKey(await generateSigningKey())) as Record<string, string>;
		await expect(importSigningKey(spoil(jwk))).rejects.toThrow('not a private P-256 JWK');
	});
});
