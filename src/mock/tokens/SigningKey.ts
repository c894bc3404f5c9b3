import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';

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
	return describe(privateKey, publicKey);
}

/**
 * The private half of a key pair as a JWK, so another instance of the mock (another tab's) can
 * sign and verify the same tokens. The mock's key is a throwaway made in the page for the docs'
 * Run panels; it signs tokens for a mock API and nothing else, which is why it may be kept in a
 * snapshot, and the snapshot in the browser's storage (IndexedDB), where other tabs read it.
 */
export async function exportSigningKey(key: SigningKey): Promise<JWK> {
	return privateP256(await exportJWK(key.privateKey));
}

/** The key pair of a private JWK made by {@link exportSigningKey}. */
export async function importSigningKey(privateJwk: JWK): Promise<SigningKey> {
	const { d, ...publicJwk } = privateP256(privateJwk);
	const privateKey = await importJWK({ ...publicJwk, d }, 'ES256', { extractable: true });
	const publicKey = await importJWK(publicJwk, 'ES256', { extractable: true });
	if (!(privateKey instanceof CryptoKey) || !(publicKey instanceof CryptoKey)) {
		throw new TypeError('not a private P-256 JWK');
	}
	return describe(privateKey, publicKey);
}

/** Just the members of a private P-256 key (no `ext`, `key_ops` or `kid` to disagree with). */
function privateP256(jwk: JWK): { kty: 'EC'; crv: 'P-256'; x: string; y: string; d: string } {
	const { kty, crv, x, y, d } = jwk;
	if (kty !== 'EC' || crv !== 'P-256' || !x || !y || !d) {
		throw new TypeError('not a private P-256 JWK');
	}
	return { kty: 'EC', crv: 'P-256', x, y, d };
}

async function describe(privateKey: CryptoKey, publicKey: CryptoKey): Promise<SigningKey> {
	const jwk = await exportJWK(publicKey);
	const kid = await calculateJwkThumbprint(jwk);
	return { kid, privateKey, publicKey, publicJwk: { ...jwk, kid, alg: 'ES256', use: 'sig' } };
}
