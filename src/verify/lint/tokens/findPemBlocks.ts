import type { TokenLeak } from './TokenLeak.ts';

const begin = /-----BEGIN [A-Z0-9 ]+-----/;
const end = /-----END [A-Z0-9 ]+-----/;

/** A PEM block's first line (0-based index), and the lines the block covers. */
export type PemBlock = TokenLeak & {
	readonly line: number;
	readonly lines: readonly number[];
};

/**
 * PEM blocks (keys, certificates) in a run of lines. The whole block is reported once, at its
 * BEGIN line, so the base64 body does not also show up as a dozen high-entropy strings.
 */
export function findPemBlocks(lines: readonly string[]): PemBlock[] {
	const blocks: PemBlock[] = [];
	for (let index = 0; index < lines.length; index++) {
		const match = begin.exec(lines[index] ?? '');
		if (!match) continue;
		const first = index;
		// A block may sit on one line (a JSON string with \n escapes) or run to its END line; an
		// unterminated one runs to the last line.
		const rest = (lines[first] ?? '').slice(match.index + match[0].length);
		if (!end.test(rest)) {
			while (index < lines.length - 1 && !end.test(lines[index + 1] ?? '')) index++;
			index = Math.min(index + 1, lines.length - 1);
		}
		blocks.push({
			line: first,
			lines: Array.from({ length: index - first + 1 }, (_, offset) => first + offset),
			column: match.index + 1,
			length: match[0].length,
			detail:
				`PEM block (${match[0]}): keys never appear on pages; delete it and link the JWKS ` +
				'endpoint (GET <API_BASE_URL>/3rdparty/v1/auth/jwks) instead',
		});
	}
	return blocks;
}
