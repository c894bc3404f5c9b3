import type { TokenLeak } from './TokenLeak.ts';
import { placeholderFor } from './placeholderFor.ts';

// A JWT's header is base64url JSON, so it always starts "eyJ" ('{"'). Five more characters are
// enough to tell a pasted (even truncated: "eyJhbGciOi...") token from prose about the prefix.
const jwt = /(?<![\w-])eyJ[\w-]{5,}(?:\.[\w-]*){0,2}/g;

/** JWT-shaped strings on a line, complete or truncated. */
export function findJwts(line: string): TokenLeak[] {
	return [...line.matchAll(jwt)].map((match) => ({
		column: match.index + 1,
		length: match[0].length,
		detail: `JWT-shaped string: write ${placeholderFor(line)} instead`,
	}));
}
