import { base64url, exportJWK, exportSPKI, generateKeyPair, type JWK, SignJWT } from 'jose';

/** A JWT's parts re-assembled from JSON (or raw text) header and payload and a signature. */
export function compact(header: unknown, payload: unknown, signature = ''): string {
	const encode = (part: unknown) =>
		base64url.encode(typeof part === 'string' ? part : JSON.stringify(part));
	return `${encode(header)}.${encode(payload)}.${signature}`;
}

/** The decoded payload of a token, unverified. */
export function claimsOf(token: string): Record<string, unknown> {
	const [, payload = ''] = token.split('.');
	return JSON.parse(new TextDecoder().decode(base64url.decode(payload))) as Record<string, unknown>;
}

/** The decoded protected header of a token. */
export function headerOf(token: string): Record<string, unknown> {
	const [header = ''] = token.split('.');
	return JSON.parse(new TextDecoder().decode(base64url.decode(header))) as Record<string, unknown>;
}

/** Algorithms a confused verifier might accept instead of ES256. */
export type ForeignAlg = 'ES256' | 'ES384' | 'ES512' | 'RS256' | 'PS256' | 'EdDSA';

const keys = new Map<ForeignAlg, Promise<CryptoKeyPair>>();

/** A token signed with a key of `alg` the mock has never seen, claiming the mock's `kid`. */
export async function signedByStranger(
	alg: ForeignAlg,
	claims: Record<string, unknown>,
	header: Record<string, unknown> = {}
): Promise<string> {
	let pair = keys.get(alg);
	if (!pair) {
		pair = generateKeyPair(alg, { extractable: true });
		keys.set(alg, pair);
	}
	const { privateKey } = await pair;
	return new SignJWT(claims).setProtectedHeader({ alg, typ: 'JWT', ...header }).sign(privateKey);
}

/** The public key of a stranger's key pair, as a JWK (for the embedded-`jwk` attack). */
export async function strangerJwk(alg: ForeignAlg): Promise<JWK> {
	let pair = keys.get(alg);
	if (!pair) {
		pair = generateKeyPair(alg, { extractable: true });
		keys.set(alg, pair);
	}
	return exportJWK((await pair).publicKey);
}

/**
 * The classic algorithm confusion: an HS256 token whose HMAC secret is something public about the
 * mock's ES256 key (its JWK as JSON, its raw point, its PEM). A verifier that lets the token pick
 * the algorithm and hands the key over as bytes accepts it.
 */
export async function hs256WithPublicKey(
	claims: Record<string, unknown>,
	publicJwk: JWK,
	publicKey: CryptoKey,
	form: 'jwk-json' | 'raw-point' | 'spki-pem'
): Promise<string> {
	let secret: Uint8Array;
	if (form === 'jwk-json') secret = new TextEncoder().encode(JSON.stringify(publicJwk));
	else if (form === 'spki-pem') secret = new TextEncoder().encode(await exportSPKI(publicKey));
	else secret = new Uint8Array(await crypto.subtle.exportKey('raw', publicKey));
	return new SignJWT(claims)
		.setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: publicJwk.kid ?? '' })
		.sign(secret);
}

/**
 * The same token with its signature's last base64url character changed to another that decodes
 * to the same bytes (its low bits are padding): a different string, an identical signature.
 */
export function nonCanonicalSignature(token: string): string {
	const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
	const signature = token.slice(token.lastIndexOf('.') + 1);
	const paddingBits = signature.length * 6 - base64url.decode(signature).length * 8;
	if (paddingBits === 0) throw new Error('this signature has no padding bits to play with');
	const last = alphabet.indexOf(token.at(-1) ?? 'A');
	return `${token.slice(0, -1)}${alphabet[last ^ 1]}`;
}
