import type { Rule } from 'markdownlint';
import { appliesTo } from '../appliesTo.ts';
import { findTokens } from '../findTokens.ts';
import { maskCode } from '../maskCode.ts';
import { readFence } from '../readFence.ts';
import { scriptLanguages } from '../scriptLanguages.ts';

const instead =
	'code lives in examples/<topic>/<name>.ts between "// #region <name>" and ' +
	'"// #endregion <name>"; show it with <Example file="<topic>/<name>.ts" region="<name>" />';

// `<Code>` and `?raw` imports are how a page would show TS without a fence, around this rule.
const codeComponent = /<Code(?=[\s/>]|$)/g;
const codeImport = /\bimport\b(?:(?!\bfrom\b).)*\bCode\b/g;
const rawImport = /['"][^'"]*\?raw['"]/g;

/** Reads `include` (globs of the files this rule checks) from the rule's config. */
function readInclude(config: unknown): readonly string[] | undefined {
	if (typeof config !== 'object' || config === null || !('include' in config)) return undefined;
	const { include } = config;
	if (!Array.isArray(include) || !include.every((item) => typeof item === 'string')) {
		throw new Error('TPD003 config: "include" must be an array of glob strings');
	}
	return include;
}

/**
 * TPD003: pages carry no TypeScript or JavaScript of their own. Every snippet a reader can copy is
 * a compiled, tested file in examples/, shown through the <Example> component, so a fence in any
 * TS/JS alias, a direct <Code> or a `?raw` import is an untested copy waiting to drift.
 */
const noInlineCode: Rule = {
	names: ['TPD003', 'no-inline-code'],
	description: 'Pages show TypeScript/JavaScript only as <Example> regions from examples/',
	tags: ['code', 'examples'],
	parser: 'micromark',
	function: (params, onError) => {
		if (!appliesTo(params.name, readInclude(params.config))) return;
		const { tokens } = params.parsers.micromark;
		for (const token of findTokens(tokens, new Set(['codeFenced']))) {
			const language = readFence(token)?.language;
			if (!language || !scriptLanguages.has(language.text.toLowerCase())) continue;
			onError({
				lineNumber: token.startLine,
				context: params.lines[token.startLine - 1] ?? '',
				detail: `TypeScript/JavaScript fence ("${language.text}") on a page: ${instead}`,
				range: [language.startColumn, language.endColumn - language.startColumn],
			});
		}
		const prose = maskCode(params.lines, tokens, !params.name.endsWith('.mdx'));
		const checks = [
			{ pattern: codeComponent, what: '<Code> shows code that no test runs' },
			{ pattern: codeImport, what: 'Importing <Code> shows code that no test runs' },
			{ pattern: rawImport, what: 'A ?raw import shows a file outside its tested region' },
		];
		prose.forEach((line, index) => {
			for (const { pattern, what } of checks) {
				for (const match of line.matchAll(pattern)) {
					onError({
						lineNumber: index + 1,
						context: params.lines[index] ?? '',
						detail: `${what}: ${instead}`,
						range: [match.index + 1, match[0].length],
					});
				}
			}
		});
	},
};

export default noInlineCode;
