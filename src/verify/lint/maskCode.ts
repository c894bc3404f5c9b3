import type { MicromarkToken } from 'markdownlint';
import { findTokens } from './findTokens.ts';

/**
 * The lines with every code block and code span blanked out (same lengths, so columns still line
 * up), leaving what the renderer treats as prose, HTML/JSX and MDX imports.
 *
 * `indentedIsCode` is false for MDX, which has no indented code blocks: there, a 4-space indent
 * inside a component is still JSX and must stay visible.
 */
export function maskCode(
	lines: readonly string[],
	tokens: readonly MicromarkToken[],
	indentedIsCode: boolean,
): string[] {
	const masked = [...lines];
	const types = new Set(['codeFenced', 'codeText', ...(indentedIsCode ? ['codeIndented'] : [])]);
	for (const token of findTokens(tokens, types)) {
		for (let lineNumber = token.startLine; lineNumber <= token.endLine; lineNumber++) {
			const line = masked[lineNumber - 1] ?? '';
			const from = lineNumber === token.startLine ? token.startColumn - 1 : 0;
			const to = lineNumber === token.endLine ? token.endColumn - 1 : line.length;
			masked[lineNumber - 1] = line.slice(0, from) + ' '.repeat(to - from) + line.slice(to);
		}
	}
	return masked;
}
