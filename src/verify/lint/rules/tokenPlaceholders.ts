import type { Rule, RuleOnError, RuleParams } from 'markdownlint';
import { findPemBlocks, findTokenLeaks } from '../findTokenLeaks.ts';

/**
 * The document's lines as written. markdownlint blanks out HTML comment text in `params.lines`,
 * but a token in a comment is still published in the source, so rebuild the lines from the
 * micromark tokens, which cover every character of the document.
 */
function sourceLines(params: RuleParams): readonly string[] {
	const source = params.parsers.micromark.tokens.map((token) => token.text).join('');
	const lines = source.split('\n');
	return lines.length === params.lines.length ? lines : params.lines;
}

/** Reports every leak in a run of lines; `frontMatter` numbers lines within the front matter. */
function scan(lines: readonly string[], frontMatter: boolean, onError: RuleOnError): void {
	const covered = new Set<number>();
	for (const block of findPemBlocks(lines)) {
		for (const line of block.lines) covered.add(line);
		const { column, length, detail } = block;
		onError({ frontMatter, lineNumber: block.line + 1, detail, range: [column, length] });
	}
	lines.forEach((line, index) => {
		if (covered.has(index)) return;
		for (const { column, length, detail } of findTokenLeaks(line)) {
			// No `context`: the offending text may be a live secret and must not reach CI logs.
			onError({ frontMatter, lineNumber: index + 1, detail, range: [column, length] });
		}
	});
}

/**
 * TPD002: tokens and credentials appear only as placeholders from src/mock/contract/placeholders.ts — no
 * JWTs (even truncated), PEM blocks, random-looking keys, literal Authorization credentials or
 * placeholders outside the vocabulary, anywhere in the file: prose, code, comments, front matter.
 */
const tokenPlaceholders: Rule = {
	names: ['TPD002', 'token-placeholders'],
	description:
		'Tokens and credentials appear only as placeholders from src/mock/contract/placeholders.ts',
	tags: ['security', 'placeholders'],
	parser: 'micromark',
	function: (params, onError) => {
		scan(params.frontMatterLines, true, onError);
		scan(sourceLines(params), false, onError);
	},
};

export default tokenPlaceholders;
