import { decodeJwt, type JWTPayload } from 'jose';
import type { Placeholder } from '../contract/placeholders.ts';

/**
 * A JWT anywhere in a text, complete or cut short: its header is base64url JSON, so it starts
 * `eyJ`, and five more characters tell a pasted (even truncated: `eyJhbGciOi…`) token from prose
 * about the prefix. An empty third segment (an unsigned token) is part of it; a full stop after
 * a token's first segment is not. No boundary before it: a token glued to other text
 * (`%3DeyJ…` in an encoded cookie) is still redacted. The one shape every check and redaction uses.
 */
const JWT_SHAPE = /eyJ[\w-]{5,}(?:\.[\w-]+(?:\.[\w-]*)?)?/g;

/** One JWT-shaped string in a text: where it starts (0-based) and what it is. */
export interface JwtMatch {
	index: number;
	token: string;
	/** Whether it has all three segments (a truncated token cannot be decoded or verified). */
	complete: boolean;
}

/** Every JWT-shaped string in a text, complete or truncated, in order. */
export function findJwts(text: string): JwtMatch[] {
	return [...text.matchAll(JWT_SHAPE)].map((match) => ({
		index: match.index,
		token: match[0],
		complete: match[0].split('.').length === 3,
	}));
}

/** Replaces every JWT-shaped string in a text, complete or truncated, by what `by` says. */
export function replaceJwts(text: string, by: (token: string) => string): string {
	return text.replace(JWT_SHAPE, by);
}

/** A JWT's claims, read with jose and not verified; `undefined` when it does not decode. */
export function jwtClaims(token: string): JWTPayload | undefined {
	try {
		return decodeJwt(token);
	} catch {
		return undefined;
	}
}

/** What a token the API signed is for: refresh tokens say so; service tokens carry a `name`. */
export type TokenRole = 'access' | 'refresh' | 'service';

/** The role of a token, from its `type` claim and `name`; `undefined` for anything else. */
export function tokenRole(token: string): TokenRole | undefined {
	const claims = jwtClaims(token);
	if (claims?.['type'] === 'refresh') return 'refresh';
	if (claims?.['type'] !== 'access') return undefined;
	return typeof claims['name'] === 'string' ? 'service' : 'access';
}

/** The vocabulary placeholder a page writes for a token of each role. */
export const ROLE_PLACEHOLDERS = {
	access: '<ACCESS_TOKEN>',
	refresh: '<REFRESH_TOKEN>',
	service: '<SERVICE_TOKEN>',
} as const satisfies Record<TokenRole, Placeholder>;
