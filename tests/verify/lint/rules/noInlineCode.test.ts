import { describe, expect, test } from 'vitest';
import { pythonLanguages, scriptLanguages } from '../../../../src/verify/lint/languages.ts';
import { detailsOf, linesAndRules, lintInProcess } from '../lintInProcess.ts';

const config = { TPD003: true };
const at = (...lines: number[]) => lines.map((line) => ({ line, rule: 'TPD003' }));
const instead =
	'code lives in examples/<topic>/<name>.ts between "// #region <name>" and ' +
	'"// #endregion <name>"; show it with <Example file="<topic>/<name>.ts" region="<name>" />';
const regionExample = '```ts\n// #region main\nexport const a = 1;\n// #endregion main\n```\n';

describe('TPD003 no-inline-code', () => {
	const failing = [
		// ts with meta, mjs, TSX in a list, javascript inside a JSX block, jsx.
		{ fixture: 'no-inline-code/fail-fences.mdx', expected: at(5, 9, 15, 20, 25) },
		// import of Code, ?raw import, <Code>, <Code> in a component, indented <Code> (MDX has no
		// indented code blocks), import.meta.glob with query '?raw'.
		{ fixture: 'no-inline-code/fail-code-component.mdx', expected: at(5, 6, 8, 11, 16, 20) },
	];

	test.each(failing)('$fixture fails on exactly the expected lines', async (row) => {
		const findings = await lintInProcess({ fixture: row.fixture }, config);
		expect(linesAndRules(findings)).toEqual(row.expected);
	});

	test('passes <Example>, and <Code> or ?raw in code spans and non-TS fences', async () => {
		const fixture = 'no-inline-code/pass-page.mdx';
		expect(await lintInProcess({ fixture }, config)).toEqual([]);
	});

	test('every message says where the code goes and how to show it', async () => {
		const fences = await lintInProcess({ fixture: 'no-inline-code/fail-fences.mdx' }, config);
		expect(fences[0]?.detail).toBe(`TypeScript/JavaScript fence ("ts") on a page: ${instead}`);
		const fixture = 'no-inline-code/fail-code-component.mdx';
		expect(detailsOf(await lintInProcess({ fixture }, config))).toEqual([
			`Importing <Code> shows code that no test runs: ${instead}`,
			`A ?raw import shows a file outside its tested region: ${instead}`,
			`<Code> shows code that no test runs: ${instead}`,
			`<Code> shows code that no test runs: ${instead}`,
			`<Code> shows code that no test runs: ${instead}`,
			`A ?raw import shows a file outside its tested region: ${instead}`,
		]);
	});

	test('every TypeScript/JavaScript alias Shiki knows is caught', async () => {
		const languages = [...scriptLanguages];
		expect(languages).toEqual(expect.arrayContaining(['typescript', 'ts', 'mts', 'cts', 'tsx']));
		expect(languages).toEqual(expect.arrayContaining(['javascript', 'js', 'mjs', 'cjs', 'jsx']));
		const content = languages.map((language) => `\`\`\`${language}\nx\n\`\`\`\n`).join('\n');
		const findings = await lintInProcess({ name: 'page.mdx', content }, config);
		expect(findings).toHaveLength(languages.length);
	});

	test.each([
		{
			way: 'a namespace import (<SL.Code>)',
			content:
				"import * as SL from '@astrojs/starlight/components';\n\n" +
				'<SL.Code lang="ts" code="const a = 1;" />\n',
			expected: [{ line: 3, detail: `<SL.Code> shows code that no test runs: ${instead}` }],
		},
		{
			way: 'a renamed import',
			content:
				"import { Code as Snippet } from '@astrojs/starlight/components';\n\n" +
				'<Snippet lang="ts" code="const a = 1;" />\n',
			expected: [
				{ line: 1, detail: `Importing <Code> shows code that no test runs: ${instead}` },
				{ line: 3, detail: `<Snippet> shows code that no test runs: ${instead}` },
			],
		},
		{
			way: 'a raw <pre><code class="language-ts">',
			content: 'Text.\n\n<pre><code class="language-ts">const a = 1;</code></pre>\n',
			expected: [
				{
					line: 3,
					detail: `A raw <code class="language-ts"> shows code that no test runs: ${instead}`,
				},
			],
		},
		{
			way: 'a raw <pre className="language-js">',
			content: '<pre className="language-js">{`const a = 1;`}</pre>\n',
			expected: [
				{
					line: 1,
					detail: `A raw <pre class="language-js"> shows code that no test runs: ${instead}`,
				},
			],
		},
	])('catches TS/JS shown through $way', async ({ content, expected }) => {
		const findings = await lintInProcess({ name: 'page.mdx', content }, config);
		expect(findings.map(({ line, detail }) => ({ line, detail }))).toEqual(expected);
	});

	test('a raw <pre><code class="language-ts"> in a Markdown page is caught too', async () => {
		const content = '# Notes\n\n<pre><code class="language-ts">const a = 1;</code></pre>\n';
		expect(linesAndRules(await lintInProcess({ name: 'page.md', content }, config))).toEqual(at(3));
	});

	test('code in an MDX comment or a JS string is not on the page', async () => {
		const content = [
			'export const note = \'<Code code={x} lang="ts" />\';',
			'',
			'{/* <pre><code class="language-ts">x</code></pre> */}',
			'',
			'{/*',
			'```ts',
			'const hidden = 1;',
			'```',
			'*/}',
		].join('\n');
		expect(await lintInProcess({ name: 'page.mdx', content }, config)).toEqual([]);
	});

	test('an indented <Code> is a code block in .md but JSX in .mdx', async () => {
		const content = '# Notes\n\nA code block:\n\n    <Code code={x} />\n';
		expect(await lintInProcess({ name: 'README.md', content }, config)).toEqual([]);
		expect(await lintInProcess({ name: 'page.mdx', content }, config)).toHaveLength(1);
	});

	test('with `include`, only matching files are checked', async () => {
		const content = `# Example\n\n${regionExample}`;
		const scoped = { TPD003: { include: ['src/content/docs/**'] } };
		expect(await lintInProcess({ name: 'README.md', content }, scoped)).toEqual([]);
		const page = { name: 'src/content/docs/guide/a.mdx', content };
		expect(linesAndRules(await lintInProcess(page, scoped))).toEqual(at(3));
	});

	test('a malformed `include` is a configuration error', async () => {
		const input = { name: 'a.md', content: '# A\n' };
		await expect(lintInProcess(input, { TPD003: { include: 'src/**' } })).rejects.toThrow(
			'TPD003 config: "include" must be an array of glob strings'
		);
	});
});

describe('TPD003 and Python', () => {
	const insteadPython =
		'code lives in examples/<topic>/<name>.py (snake_case) between "# #region <name>" and ' +
		'"# #endregion <name>", beside the TypeScript example; <Example file="<topic>/<name>.ts" ' +
		'region="<name>" /> shows it in its Python tab';

	test('every Python alias Shiki knows is caught, saying where Python code goes', async () => {
		const languages = [...pythonLanguages];
		expect(languages).toEqual(expect.arrayContaining(['python', 'py']));
		const content = languages.map((language) => `\`\`\`${language}\nx = 1\n\`\`\`\n`).join('\n');
		const findings = await lintInProcess({ name: 'page.mdx', content }, config);
		expect(detailsOf(findings)).toEqual(
			languages.map((language) => `Python fence ("${language}") on a page: ${insteadPython}`)
		);
	});

	test('a raw <pre class="language-python"> is caught too', async () => {
		const content = '<pre class="language-python">x = 1</pre>\n';
		const findings = await lintInProcess({ name: 'page.mdx', content }, config);
		expect(detailsOf(findings)).toEqual([
			`A raw <pre class="language-python"> shows code that no test runs: ${insteadPython}`,
		]);
	});
});
