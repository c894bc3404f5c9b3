import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { runCli } from './runCli.ts';

// tests/verify/lint/fixtures/cli has its own .markdownlint-cli2.jsonc enabling only the project rules;
// run from there, markdownlint-cli2 does not read the repository's configuration.
const fixtureDir = fileURLToPath(new URL('./fixtures/cli/', import.meta.url));

describe('markdownlint-cli2 with the project rules', () => {
	test('exits non-zero and prints file:line with the fix for each finding', async () => {
		const { code, output, findings } = await runCli(fixtureDir);
		expect(code).not.toBe(0);
		expect(findings.map(({ file, line, rule }) => ({ file, line, rule }))).toEqual([
			{ file: 'bad.md', line: 3, rule: 'TPD001' },
			{ file: 'bad.md', line: 7, rule: 'TPD002' },
			{ file: 'bad.md', line: 9, rule: 'TPD003' },
		]);
		expect(output).toContain('bad.md:3:1 error TPD001/fence-language');
		expect(output).toContain('Fence has no language: write ```text (or sh, json, http…)');
		expect(output).toContain('bad.md:7:8 error TPD002/token-placeholders');
		expect(output).toContain('JWT-shaped string: write <ACCESS_TOKEN> instead');
		expect(output).toContain('bad.md:9:4 error TPD003/no-inline-code');
		expect(output).toContain('show it with <Example file="<topic>/<name>.ts" region="<name>" />');
		// The token itself must not be echoed into CI logs.
		expect(output).not.toContain('eyJzdWIi');
	});
});
