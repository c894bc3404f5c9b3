import { fileURLToPath } from 'node:url';
import type { Configuration } from 'markdownlint';
import { lint } from 'markdownlint/promise';
import contractFacts from '../../../src/verify/lint/rules/contractFacts.ts';
import fenceLanguage from '../../../src/verify/lint/rules/fenceLanguage.ts';
import noInlineCode from '../../../src/verify/lint/rules/noInlineCode.ts';
import tokenPlaceholders from '../../../src/verify/lint/rules/tokenPlaceholders.ts';

/** One reported problem, reduced to what the tests assert on. */
export type Finding = { line: number; rule: string; detail: string; column: number | undefined };

/** Absolute path of a file under tests/verify/lint/fixtures/. */
export const fixturePath = (relative: string): string =>
	fileURLToPath(new URL(`./fixtures/${relative}`, import.meta.url));

/**
 * Lints one fixture file or one named string with only the project's rules that `config` enables
 * (`default: false` keeps markdownlint's own rules out of the results).
 */
export async function lintInProcess(
	input: { fixture: string } | { name: string; content: string },
	config: Configuration
): Promise<Finding[]> {
	const options =
		'fixture' in input
			? { files: [fixturePath(input.fixture)] }
			: { strings: { [input.name]: input.content } };
	const results = await lint({
		...options,
		customRules: [fenceLanguage, tokenPlaceholders, noInlineCode, contractFacts],
		config: { default: false, ...config },
	});
	return Object.values(results)
		.flat()
		.map((error) => ({
			line: error.lineNumber,
			rule: error.ruleNames[0] ?? '',
			detail: error.errorDetail ?? '',
			column: error.errorRange?.[0],
		}))
		.sort((a, b) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0));
}

/** Just the messages, top to bottom. */
export const detailsOf = (findings: readonly Finding[]): string[] =>
	findings.map(({ detail }) => detail);

/** Just the `{ line, rule }` pairs, top to bottom, for table-driven comparisons. */
export const linesAndRules = (findings: readonly Finding[]): { line: number; rule: string }[] =>
	findings.map(({ line, rule }) => ({ line, rule }));
