import { base64url } from 'jose';

/** The order of P-256's base point: ECDSA's `s` and `n − s` both verify. */
const N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;
const HALF_N = N >> 1n;
/** An ES256 JWS signature is `r || s`, 32 bytes each (RFC 7518 §3.4). */
const HALF = 32;

/**
 * **[design]** One spelling per token. An ECDSA signature `(r, s)` has a twin `(r, n − s)` that
 * verifies just as well, so every ES256 token has a second valid token string; JOSE sets no rule
 * against it (RFC 7518 is silent), and WebCrypto signs either half at random. This API signs only
 * the low half (`s ≤ n/2`, as Bitcoin's BIP 62 does) and refuses the high one, so a token string is
 * a stable identity for anything keyed on it (a cache, a log search, a denylist): a twin made from
 * a genuine token is refused instead of accepted as a second token.
 */
export function toLowS(signature: string): string {
	const bytes = base64url.decode(signature);
	if (bytes.length !== 2 * HALF) return signature;
	const s = toBigInt(bytes.subarray(HALF));
	if (s <= HALF_N) return signature;
	const low = new Uint8Array(bytes);
	low.set(fromBigInt(N - s), HALF);
	return base64url.encode(low);
}

/** Whether a base64url ES256 signature is the low-S spelling (anything malformed is not). */
export function isLowS(signature: string): boolean {
	try {
		const bytes = base64url.decode(signature);
		return bytes.length === 2 * HALF && toBigInt(bytes.subarray(HALF)) <= HALF_N;
	} catch {
		return false;
	}
}

function toBigInt(bytes: Uint8Array): bigint {
	let value = 0n;
	for (const byte of bytes) value = (value << 8n) | BigInt(byte);
	return value;
}

function fromBigInt(value: bigint): Uint8Array {
	const bytes = new Uint8Array(HALF);
	let rest = value;
	for (let i = HALF - 1; i >= 0; i -= 1) {
		bytes[i] = Number(rest & 0xffn);
		rest >>= 8n;
	}
	return bytes;
}
