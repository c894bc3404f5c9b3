import type { Placeholder } from '../../mock/contract/placeholders.ts';
import type { Exchange } from '../../mock/log/ExchangeLog.ts';
import {
	findJwts,
	jwtClaims,
	replaceJwts,
	ROLE_PLACEHOLDERS,
	tokenRole,
} from '../../mock/tokens/jwt.ts';
import { findTokenLeaks } from '../lint/findTokenLeaks.ts';

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

/**
 * Stand-ins for random ids that are not token ids (message ids), in order of appearance. Both are
 * the example ids of nanoid's README: obviously examples, and the right shape.
 */
export const ID_STAND_INS = ['V1StGXR8_Z5jdHi6B-myT', 'Uakgb_J5m9g-0JDMbcJqL'] as const;

/**
 * The ids a recording must hide, read from the mock's exchange log: the `jti` of every JWT any
 * response carried (a pair's `id` and a service token's `id` are such `jti`s), and every other
 * `id` field of a response body.
 */
export function collectIds(entries: readonly Exchange[]): RedactionIds {
	const tokenIds = new Set<string>();
	const others: string[] = [];
	for (const { response } of entries) {
		const text = [response.body ?? '', ...Object.values(response.headers)].join('\n');
		for (const { token } of findJwts(text)) {
			const jti = jwtClaims(token)?.jti;
			if (typeof jti === 'string') tokenIds.add(jti);
		}
	}
	for (const { response } of entries) {
		for (const id of idFields(parse(response.body))) {
			if (!tokenIds.has(id) && !others.includes(id)) others.push(id);
		}
	}
	if (others.length > ID_STAND_INS.length) {
		throw new Error(`a recording produced ${others.length} ids; add stand-ins to ID_STAND_INS`);
	}
	return {
		tokenIds,
		otherIds: new Map(others.map((id, index) => [id, ID_STAND_INS[index] ?? id])),
	};
}

function parse(text: string | null): unknown {
	try {
		return JSON.parse(text ?? 'null');
	} catch {
		return null;
	}
}

function idFields(value: unknown): string[] {
	if (Array.isArray(value)) return value.flatMap(idFields);
	if (typeof value !== 'object' || value === null) return [];
	const own = (value as { id?: unknown }).id;
	return [
		...(typeof own === 'string' ? [own] : []),
		...Object.values(value).flatMap((item) => (typeof item === 'object' ? idFields(item) : [])),
	];
}

/**
 * Throws if a sample's text would fail the pages' token rule (TPD002) or still holds anything
 * JWT-like: a recorded sample lands on pages verbatim, so it must pass the same bar as a page.
 */
export function assertPublishable(name: string, text: string): void {
	const problems: string[] = [];
	if (text.includes('eyJ')) problems.push('contains "eyJ" (the start of a JWT)');
	text.split('\n').forEach((line, index) => {
		for (const leak of findTokenLeaks(line)) problems.push(`line ${index + 1}: ${leak.detail}`);
	});
	if (problems.length > 0) {
		throw new Error(`sample ${name} is not publishable:\n  ${problems.join('\n  ')}`);
	}
}
