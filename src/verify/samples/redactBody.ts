import type { Placeholder } from '../../mock/contract/placeholders.ts';
import { ROLE_PLACEHOLDERS, replaceJwts, tokenRole } from '../../mock/tokens/jwt.ts';

/** Key fields of a JWK that stay as they are: they describe the key, they are not the key. */
const JWK_DESCRIPTORS = new Set(['kty', 'crv', 'alg', 'use', 'key_ops']);

/** Readable stand-ins for key material; anything else in a JWK becomes `base64url-<field>`. */
const JWK_STAND_INS: Readonly<Record<string, string>> = {
	x: 'base64url-x-coordinate',
	y: 'base64url-y-coordinate',
	kid: 'key-thumbprint',
};

/** Ids a recording knows about, and what to write instead. */
export interface RedactionIds {
	/** Every `jti` the mock issued while recording: written as `<TOKEN_ID>`. */
	tokenIds: ReadonlySet<string>;
	/** Other random ids (messages): each with its fixed stand-in. */
	otherIds: ReadonlyMap<string, string>;
}

/**
 * Replaces what varies between recordings, or must never appear on a page, in a response body:
 * JWTs (anywhere in any string) by the vocabulary placeholder for their kind, token ids by
 * `<TOKEN_ID>`, other random ids by stable stand-ins, and JWK key material by descriptive text
 * (field names kept). Timestamps are stable already: the recorder's clock is fixed.
 */
export function redactBody(value: unknown, ids: RedactionIds, key = ''): unknown {
	if (typeof value === 'string') return redactString(value, ids, key);
	if (Array.isArray(value)) return value.map((item) => redactBody(item, ids, key));
	if (typeof value !== 'object' || value === null) return value;
	const entries = Object.entries(value);
	const isJwk = entries.some(([name]) => name === 'kty');
	return Object.fromEntries(
		entries.map(([name, item]) => {
			if (isJwk && !JWK_DESCRIPTORS.has(name)) {
				return [name, JWK_STAND_INS[name] ?? `base64url-${name}`];
			}
			return [name, redactBody(item, ids, name)];
		})
	);
}

function redactString(text: string, ids: RedactionIds, key: string): string {
	if (ids.tokenIds.has(text)) return '<TOKEN_ID>';
	const stand = ids.otherIds.get(text);
	if (stand !== undefined) return stand;
	return replaceJwts(text, (jwt) => placeholderForJwt(jwt, key));
}

/** The placeholder for a JWT: by its role (its claims), else by the field that holds it. */
export function placeholderForJwt(jwt: string, key = ''): Placeholder {
	const role = tokenRole(jwt);
	if (role !== undefined) return ROLE_PLACEHOLDERS[role];
	if (key === 'refresh_token') return ROLE_PLACEHOLDERS.refresh;
	return key === 'token' ? ROLE_PLACEHOLDERS.service : ROLE_PLACEHOLDERS.access;
}
