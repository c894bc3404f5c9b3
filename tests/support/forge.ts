import { base64url, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import { toLowS } from '../../src/mock/tokens/lowS.ts';

/** A token with `alg: none` and no signature. */
export function unsignedToken(payload: JWTPayload): string {
	const header = base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT' }));
	return `${header}.${base64url.encode(JSON.stringify(payload))}.`;
}

/** A token signed with a freshly generated key the mock has never seen. */
export async function foreignToken(payload: JWTPayload): Promise<string> {
	const { privateKey } = await generateKeyPair('ES256');
	return new SignJWT(payload).setProtectedHeader({ alg: 'ES256', typ: 'JWT' }).sign(privateKey);
}

/** Replaces a token's payload, keeping its header and (now wrong) signature. */
export function withPayload(
	token: string,
	edit: (payload: Record<string, unknown>) => void
): string {
	const [header = '', payload = '', signature = ''] = token.split('.');
	const decoded = JSON.parse(new TextDecoder().decode(base64url.decode(payload))) as Record<
		string,
		unknown
	>;
	edit(decoded);
	return `${header}.${base64url.encode(JSON.stringify(decoded))}.${signature}`;
}

/** The payload of a token, unverified: for asserting what the mock put in it. */
export function payloadOf(token: string): Record<string, unknown> {
	const [, payload = ''] = token.split('.');
	return JSON.parse(new TextDecoder().decode(base64url.decode(payload))) as Record<string, unknown>;
}

/**
 * A token signed with the mock's own key (as if it leaked), so only claim checks can refuse it.
 * Its signature is the low-S spelling, as the API's own are (see `src/mock/tokens/lowS.ts`).
 */
export async function signedWith(
	privateKey: CryptoKey,
	kid: string,
	payload: JWTPayload
): Promise<string> {
	const token = await new SignJWT(payload)
		.setProtectedHeader({ alg: 'ES256', typ: 'JWT', kid })
		.sign(privateKey);
	const [header, body, signature = ''] = token.split('.');
	return `${header}.${body}.${toLowS(signature)}`;
}
