import {
	copyFileSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	symlinkSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'jsonc-parser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { exampleLanguages } from '../../../src/verify/lint/languages.ts';
import { fixturePath } from './lintInProcess.ts';
import { runCli, type CliRun } from './runCli.ts';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const readJsonc = (file: string): Record<string, unknown> =>
	parse(readFileSync(path.join(repo, file), 'utf8')) as Record<string, unknown>;

/** Writes `files` (relative path → content) under `root`, creating folders as needed. */
function writeTree(root: string, files: Record<string, string>): void {
	for (const [relative, content] of Object.entries(files)) {
		mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
		writeFileSync(path.join(root, relative), content);
	}
}

const temporaryDirs: string[] = [];
const makeTemporaryDir = (): string => {
	const dir = mkdtempSync(path.join(tmpdir(), 'tpd-lint-'));
	temporaryDirs.push(dir);
	return dir;
};
afterAll(() => {
	for (const dir of temporaryDirs) rmSync(dir, { recursive: true, force: true });
});

describe("the repository's markdownlint configuration", () => {
	// A copy of the repo's two config files and its rules, with pages placed where the real globs
	// look. Removing a rule from customRules, its config or the globs makes these tests fail.
	let run: CliRun;
	beforeAll(async () => {
		const root = makeTemporaryDir();
		for (const file of ['.markdownlint-cli2.jsonc', '.markdownlint.jsonc']) {
			copyFileSync(path.join(repo, file), path.join(root, file));
		}
		mkdirSync(path.join(root, 'src'));
		// The rules and what they import (the contract, the fact vocabulary, the page model's
		// helpers, the examples' constants); the pages are the fixtures below, never the repository's.
		for (const dir of ['src/verify', 'src/site', 'src/mock', 'examples']) {
			symlinkSync(path.join(repo, dir), path.join(root, dir), 'dir');
		}
		const fixture = (name: string): string => readFileSync(fixturePath(name), 'utf8');
		const leak = fixture('token-placeholders/fail-jwt.md');
		writeTree(root, {
			'README.md': fixture('pages/README.md'),
			'src/content/docs/guide/failing-page.mdx': fixture('pages/failing-page.mdx'),
			'src/content/docs/guide/inline-disable.md': fixture('pages/inline-disable.md'),
			'src/content/docs/starlight-page.mdx': fixture('pages/starlight-page.mdx'),
			// Matched by the extra globs below, but excluded by `ignores`.
			'tests/verify/lint/fixtures/leak.md': leak,
			'dist/leak.md': leak,
			'node_modules/some-package/leak.md': leak,
		});
		run = await runCli(root, ['tests/**/*.md', 'dist/**/*.md', 'node_modules/**/*.md']);
		// The CLI in a process of its own, loading every rule: seconds on a busy machine.
	}, 60_000);

	test('reports exactly the expected findings, and exits non-zero', () => {
		expect(run.findings.map(({ file, line, rule }) => ({ file, line, rule }))).toEqual([
			// Rules 1 and 2 apply to README; rule 3 does not (it may show a TS region example).
			{ file: 'README.md', line: 11, rule: 'TPD001' },
			{ file: 'README.md', line: 15, rule: 'TPD002' },
			{ file: 'src/content/docs/guide/failing-page.mdx', line: 7, rule: 'TPD002' },
			{ file: 'src/content/docs/guide/failing-page.mdx', line: 9, rule: 'TPD001' },
			{ file: 'src/content/docs/guide/failing-page.mdx', line: 13, rule: 'TPD003' },
			// noInlineConfig: a `markdownlint-disable` comment cannot switch a rule off.
			{ file: 'src/content/docs/guide/inline-disable.md', line: 7, rule: 'TPD003' },
		]);
		expect(run.code).toBe(1);
	});

	test('a realistic Starlight page (components, MDX comment, repeated headings) passes', () => {
		expect(run.findings.filter((finding) => finding.file.includes('starlight-page'))).toEqual([]);
		expect(run.output).toContain('Linting: 4 files');
	});

	test('the cli2 file has no `config` or `overrides`, which .markdownlint.jsonc would void', () => {
		const options = readJsonc('.markdownlint-cli2.jsonc');
		expect(Object.keys(options)).not.toContain('config');
		expect(Object.keys(options)).not.toContain('overrides');
	});

	test('TPD001 allows every TS/JS/Python alias, so that on pages TPD003 is the rule that explains', () => {
		const config = readJsonc('.markdownlint.jsonc');
		const allowed = (config['TPD001'] as { allowed: string[] }).allowed;
		expect(allowed).toEqual(expect.arrayContaining([...exampleLanguages]));
	});
});

describe('markdownlint-cli2 0.24 precedence (why the repo config has no `overrides`)', () => {
	const options = JSON.stringify({
		globs: ['*.mdx'],
		overrides: [{ filter: ['**/*.mdx'], combine: 'merge', config: { MD033: false } }],
	});
	const page = '# Page\n\n<div>inline HTML</div>\n';

	test('without .markdownlint.jsonc, an override switches MD033 off for .mdx', async () => {
		const root = makeTemporaryDir();
		writeTree(root, { '.markdownlint-cli2.jsonc': options, 'page.mdx': page });
		expect((await runCli(root)).findings).toEqual([]);
	});

	test('with a .markdownlint.jsonc beside it, the same override is silently ignored', async () => {
		const root = makeTemporaryDir();
		writeTree(root, {
			'.markdownlint-cli2.jsonc': options,
			'.markdownlint.jsonc': '{ "default": true }',
			'page.mdx': page,
		});
		expect((await runCli(root)).findings.map(({ rule }) => rule)).toEqual(['MD033']);
	});
});
