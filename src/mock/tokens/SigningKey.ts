import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';

/** The mock's ES256 key pair; its public half is published at `/3rdparty/v1/auth/jwks`. */
export interface SigningKey {
	kid: string;
	privateKey: CryptoKey;
	publicKey: CryptoKey;
	publicJwk: JWK;
}

/** Makes a fresh ES256 key pair, identified by its RFC 7638 thumbprint. */
export async function generateSigningKey(): Promise<SigningKey> {
	const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
	const jwk = await exportJWK(publicKey);
	const kid = await calculateJwkThumbprint(jwk);
	return { kid, privateKey, publicKey, publicJwk: { ...jwk, kid, alg: 'ES256', use: 'sig' } };
}
