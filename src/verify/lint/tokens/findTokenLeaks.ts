import { findJwts } from '../../../mock/tokens/jwt.ts';
import type { TokenLeak } from './TokenLeak.ts';
import { findCredentialSlots } from './findCredentialSlots.ts';
import { findHighEntropyStrings } from './findHighEntropyStrings.ts';
import { findUnknownPlaceholders } from './findUnknownPlaceholders.ts';
import { placeholderFor } from './placeholderFor.ts';

/** JWT-shaped strings on a line, complete or truncated. */
function findJwtLeaks(line: string): TokenLeak[] {
	return findJwts(line).map(({ index, token }) => ({
		column: index + 1,
		length: token.length,
		detail: `JWT-shaped string: write ${placeholderFor(line)} instead`,
	}));
}

// Most specific first: where two findings overlap (`Bearer eyJ…` is both a JWT and a literal
// credential) only the first is kept, so each leak gets one message.
const detectors = [findJwtLeaks, findCredentialSlots, findUnknownPlaceholders, findHighEntropyStrings];

/** Every token leak on one line, one finding per stretch of text, left to right. */
export function findTokenLeaks(line: string): TokenLeak[] {
	const kept: TokenLeak[] = [];
	for (const detect of detectors) {
		for (const leak of detect(line)) {
			const overlaps = kept.some(
				(other) =>
					leak.column < other.column + other.length && other.column < leak.column + leak.length,
			);
			if (!overlaps) kept.push(leak);
		}
	}
	return kept.sort((a, b) => a.column - b.column);
}
