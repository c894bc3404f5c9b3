import { describe, expect, test } from 'vitest';
import { knownLanguages } from '../../../../src/verify/lint/languages.ts';
import { detailsOf, linesAndRules, lintInProcess } from '../lintInProcess.ts';

const config = { TPD001: true };
const at = (...lines: number[]) => lines.map((line) => ({ line, rule: 'TPD001' }));
const allowlist = 'sh, bash, shell, console, json, jsonc, http, text, diff, yaml, mdx';

describe('TPD001 fence-language', () => {
	const failing = [
		// ``` , ~~~ and a four-backtick fence in a list item.
		{ fixture: 'fence-language/fail-missing-language.md', expected: at(3, 7, 13) },
		// tsx2, Bash (Shiki is case-sensitive), rubby, klingon with meta.
		{ fixture: 'fence-language/fail-unknown-language.md', expected: at(3, 7, 11, 15) },
		// ruby, txt in a block quote, go inside a JSX block.
		{ fixture: 'fence-language/fail-not-allowed.mdx', expected: at(3, 7, 12) },
	];

	test.each(failing)('$fixture fails on exactly the expected lines', async (row) => {
		const findings = await lintInProcess({ fixture: row.fixture }, config);
		expect(linesAndRules(findings)).toEqual(row.expected);
	});

	test('allows Python by default, so that on pages TPD003 says where Python goes', async () => {
		const content = '```python\nx = 1\n```\n\n```py\ny = 2\n```\n';
		expect(await lintInProcess({ name: 'README.md', content }, config)).toEqual([]);
	});

	test('passes Expressive Code meta, text/console/diff, tildes, nesting and TS', async () => {
		const fixture = 'fence-language/pass-languages.md';
		expect(await lintInProcess({ fixture }, config)).toEqual([]);
	});

	test('a missing language says what to write, with the fence the author used', async () => {
		const fixture = 'fence-language/fail-missing-language.md';
		expect(detailsOf(await lintInProcess({ fixture }, config))).toEqual([
			'Fence has no language: write ```text (or sh, json, http…) after the backticks',
			'Fence has no language: write ~~~text (or sh, json, http…) after the tildes',
			'Fence has no language: write ````text (or sh, json, http…) after the backticks',
		]);
	});

	test('an unknown language suggests the nearest allowed, else the nearest Shiki id', async () => {
		const fixture = 'fence-language/fail-unknown-language.md';
		expect(detailsOf(await lintInProcess({ fixture }, config))).toEqual([
			'Unknown language "tsx2": Shiki has no such language; did you mean "tsx"?',
			'Unknown language "Bash": Shiki has no such language; did you mean "bash"?',
			'Unknown language "rubby": Shiki has no such language; did you mean "ruby"? ' +
				`(not on this project's allowlist either: use one of ${allowlist})`,
			`Unknown language "klingon": Shiki has no such language; write one of ${allowlist}`,
		]);
	});

	test('a known but unlisted language names the allowlist and where to extend it', async () => {
		const fixture = 'fence-language/fail-not-allowed.mdx';
		const [ruby] = await lintInProcess({ fixture }, config);
		expect(ruby?.detail).toBe(
			`Language "ruby" is not on this project's allowlist (${allowlist}): ` +
				'use one of those, or add it to TPD001.allowed in .markdownlint.jsonc'
		);
		expect(ruby?.column).toBe(4);
	});

	test('the allowlist comes from the rule config', async () => {
		const fixture = 'fence-language/fail-not-allowed.mdx';
		const findings = await lintInProcess({ fixture }, { TPD001: { allowed: ['ruby', 'txt'] } });
		expect(linesAndRules(findings)).toEqual(at(12));
		expect(findings[0]?.detail).toContain('"go" is not on this project\'s allowlist (ruby, txt)');
	});

	test('a configured language Shiki does not know is a configuration error', async () => {
		const input = { name: 'a.md', content: '# A\n' };
		await expect(lintInProcess(input, { TPD001: { allowed: ['sh', 'pyhton'] } })).rejects.toThrow(
			'TPD001 config: "allowed" lists "pyhton", which Shiki does not know'
		);
	});

	test('knows Shiki ids, aliases and the plain languages, and nothing else', () => {
		for (const language of ['typescript', 'ts', 'sh', 'console', 'yml', 'text', 'txt', 'ansi']) {
			expect(knownLanguages.has(language), language).toBe(true);
		}
		for (const language of ['tsx2', 'Bash', 'Dockerfile', '']) {
			expect(knownLanguages.has(language), language).toBe(false);
		}
	});
});
