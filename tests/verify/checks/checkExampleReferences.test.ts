import { describe, expect, test } from 'vitest';
import {
	checkExampleReferences,
	type RepoFiles,
} from '../../../src/verify/checks/checkExampleReferences.ts';

const lines = (...text: string[]) => text.join('\n');
const IMPORT = "import Example from '../../../components/Example.astro';";

/** A repository in which every check passes; each defect below breaks one thing in it. */
const healthy: RepoFiles = {
	pages: [
		{ path: 'src/content/docs/index.mdx', source: lines('---', 'title: Home', '---', 'Hi.') },
		{
			path: 'src/content/docs/guides/refresh.mdx',
			source: lines(
				'---',
				'title: Refresh',
				'---',
				IMPORT,
				'',
				'<Example file="refresh/manager.ts" region="ensure-valid" />',
				'',
				'<Example file="refresh/manager.ts" region="rotate" />'
			),
		},
	],
	examples: {
		'refresh/manager.ts': lines(
			'// #region ensure-valid',
			'export const ensureValid = () => true;',
			'// #endregion ensure-valid',
			'',
			'// #region rotate',
			'export const rotate = () => true;',
			'// #endregion rotate'
		),
		// Fixtures are neither shown nor tested, and that is fine.
		'_fixtures/demo.ts': lines('// #region unused', 'x();', '// #endregion unused'),
	},
	tests: [
		{
			path: 'tests/examples/refresh/manager.test.ts',
			source: lines(
				"import { expect, test } from 'vitest';",
				"import { rotate } from '../../../examples/refresh/manager.ts';",
				"test('rotates', () => expect(rotate()).toBe(true));"
			),
		},
	],
};

const replacePage = (source: string): RepoFiles => ({
	...healthy,
	pages: [healthy.pages[0]!, { path: 'src/content/docs/guides/refresh.mdx', source }],
});
const guide = healthy.pages[1]!.source;

describe('checkExampleReferences', () => {
	test('finds nothing wrong in a healthy repository', () => {
		expect(checkExampleReferences(healthy)).toEqual([]);
	});

	test('finds nothing wrong in a repository without examples', () => {
		expect(checkExampleReferences({ pages: [healthy.pages[0]!], examples: {}, tests: [] })).toEqual(
			[]
		);
	});

	test.each([
		{
			defect: 'a page shows a region that does not exist',
			files: replacePage(guide.replace('region="rotate"', 'region="rotat"')),
			expected: [
				{
					kind: 'missing-example',
					path: 'src/content/docs/guides/refresh.mdx',
					line: 8,
					message: expect.stringContaining(
						'<Example file="refresh/manager.ts" region="rotat" /> on page src/content/docs/guides/refresh.mdx:8: region "rotat" does not exist in examples/refresh/manager.ts.\nRegions in that file: ensure-valid, rotate.'
					),
				},
				{
					kind: 'orphan-region',
					path: 'examples/refresh/manager.ts',
					line: 5,
					message: expect.stringContaining(
						'examples/refresh/manager.ts:5: region "rotate" is not shown on any page'
					),
				},
			],
		},
		{
			defect: 'a page shows a file that does not exist',
			files: replacePage(`${guide}\n\n<Example file="refresh/gone.ts" region="x" />`),
			expected: [
				{
					kind: 'missing-example',
					path: 'src/content/docs/guides/refresh.mdx',
					line: 10,
					message: expect.stringContaining(
						'page src/content/docs/guides/refresh.mdx:10: file examples/refresh/gone.ts does not exist'
					),
				},
			],
		},
		{
			defect: 'a page passes a non-literal file',
			files: replacePage(
				guide.replace('file="refresh/manager.ts" region="rotate"', 'file={path} region="rotate"')
			),
			expected: [
				{
					kind: 'invalid-tag',
					path: 'src/content/docs/guides/refresh.mdx',
					line: 8,
					message: expect.stringContaining(
						'src/content/docs/guides/refresh.mdx:8: <Example> attribute file={path} must be a string literal'
					),
				},
				// The unreadable tag cannot count as showing the region; the readable one still counts.
				expect.objectContaining({
					kind: 'orphan-region',
					path: 'examples/refresh/manager.ts',
					line: 5,
				}),
			],
		},
		{
			defect: 'a Markdown (.md) page uses <Example>',
			files: {
				...healthy,
				pages: [
					...healthy.pages,
					{
						path: 'src/content/docs/help/faq.md',
						source: lines('# FAQ', '<Example file="refresh/manager.ts" region="rotate" />'),
					},
				],
			},
			expected: [
				{
					kind: 'invalid-tag',
					path: 'src/content/docs/help/faq.md',
					line: 2,
					message:
						'src/content/docs/help/faq.md:2: <Example> only renders in .mdx pages; rename the page to .mdx',
				},
			],
		},
		{
			defect: 'a region is shown by no page',
			files: replacePage(
				guide.replace('<Example file="refresh/manager.ts" region="ensure-valid" />', '')
			),
			expected: [
				{
					kind: 'orphan-region',
					path: 'examples/refresh/manager.ts',
					line: 1,
					message:
						'examples/refresh/manager.ts:1: region "ensure-valid" is not shown on any page; add <Example file="refresh/manager.ts" region="ensure-valid" /> to a page or delete the region',
				},
			],
		},
		{
			defect: 'an example has malformed region markers',
			files: {
				...healthy,
				examples: {
					...healthy.examples,
					'refresh/manager.ts': healthy.examples['refresh/manager.ts']!.replace(
						'// #endregion rotate',
						'// #endregion rot'
					),
				},
			},
			expected: [
				expect.objectContaining({ kind: 'missing-example', line: 6 }),
				expect.objectContaining({ kind: 'missing-example', line: 8 }),
				{
					kind: 'malformed-regions',
					path: 'examples/refresh/manager.ts',
					line: 7,
					message:
						'examples/refresh/manager.ts:7: #endregion "rot" does not match the open region "rotate" (opened at line 5)',
				},
			],
		},
		{
			defect: 'an example has no test',
			files: { ...healthy, tests: [] },
			expected: [
				{
					kind: 'missing-test',
					path: 'examples/refresh/manager.ts',
					line: undefined,
					message:
						"examples/refresh/manager.ts: has no test: create tests/examples/refresh/manager.test.ts and import '../../../examples/refresh/manager.ts' in it",
				},
			],
		},
		{
			defect: 'a test exists at another path only',
			files: {
				...healthy,
				tests: [{ ...healthy.tests[0]!, path: 'tests/examples/manager.test.ts' }],
			},
			expected: [
				expect.objectContaining({ kind: 'missing-test', path: 'examples/refresh/manager.ts' }),
			],
		},
		{
			defect: 'the test does not import its example',
			files: {
				...healthy,
				tests: [
					{ ...healthy.tests[0]!, source: "import { test } from 'vitest';\ntest('x', () => {});" },
				],
			},
			expected: [
				{
					kind: 'test-not-importing',
					path: 'tests/examples/refresh/manager.test.ts',
					line: undefined,
					message:
						"tests/examples/refresh/manager.test.ts: does not import examples/refresh/manager.ts: add import … from '../../../examples/refresh/manager.ts'",
				},
			],
		},
		{
			defect: 'the test only imports types from its example',
			files: {
				...healthy,
				tests: [
					{
						...healthy.tests[0]!,
						source: "import type { Rotate } from '../../../examples/refresh/manager.ts';",
					},
				],
			},
			expected: [expect.objectContaining({ kind: 'test-not-importing' })],
		},
	])('reports $defect', ({ files, expected }) => {
		expect(checkExampleReferences(files)).toEqual(expected);
	});

	// A hand scanner counted these as showing the region, hiding the orphan; the page shows no code.
	const rotate = '<Example file="refresh/manager.ts" region="rotate" />';
	test.each([
		{ place: 'a JS string in an {expression}', text: `{'${rotate}'}` },
		{ place: 'an export const', text: `export const snippet = '${rotate}';` },
		{ place: 'a code span over two lines', text: `See \`${rotate}\nfor the code\`.` },
		{ place: 'an MDX comment', text: `{/* ${rotate} */}` },
	])('a region named only in $place is an orphan', ({ text }) => {
		const files = replacePage(guide.replace(rotate, text));
		expect(checkExampleReferences(files)).toEqual([
			expect.objectContaining({
				kind: 'orphan-region',
				path: 'examples/refresh/manager.ts',
				line: 5,
			}),
		]);
	});

	test('an <Example> imported under another name (or through a namespace) still counts', () => {
		const renamed = guide
			.replace(IMPORT, "import Snippet from '../../../components/Example.astro';")
			.replaceAll('<Example ', '<Snippet ');
		expect(checkExampleReferences(replacePage(renamed))).toEqual([]);
	});
});

describe('Python examples', () => {
	const manager = lines(
		'# #region rotate',
		'def rotate() -> bool:',
		'    return True',
		'# #endregion rotate'
	);
	const test_manager = lines(
		'from manager import rotate',
		'',
		'def test_rotates() -> None:',
		'    assert rotate()'
	);
	const withPython = (python: string, tests: RepoFiles['tests']): RepoFiles => ({
		...healthy,
		examples: { ...healthy.examples, 'refresh/manager.py': python },
		tests: [...healthy.tests, ...tests],
	});
	const pythonTest = (source: string) => ({
		path: 'tests/examples/refresh/test_manager.py',
		source,
	});

	test('a Python region is shown by the <Example> of the same region of its TypeScript sibling', () => {
		expect(checkExampleReferences(withPython(manager, [pythonTest(test_manager)]))).toEqual([]);
	});

	test('a Python region the TypeScript beside it does not have is an orphan', () => {
		const python = lines(manager, '# #region retry', 'x = 1', '# #endregion retry');
		expect(checkExampleReferences(withPython(python, [pythonTest(test_manager)]))).toEqual([
			{
				kind: 'orphan-region',
				path: 'examples/refresh/manager.py',
				line: 5,
				message:
					'examples/refresh/manager.py:5: region "retry" is not shown on any page: show region "retry" of refresh/manager.ts with <Example file="refresh/manager.ts" region="retry" />, whose Python tab shows this one; or delete the region',
			},
		]);
	});

	test('a Python file without a TypeScript sibling shows nothing', () => {
		const files: RepoFiles = {
			...healthy,
			examples: { ...healthy.examples, 'refresh/lonely_one.py': manager },
			tests: [
				...healthy.tests,
				{ path: 'tests/examples/refresh/test_lonely_one.py', source: 'import lonely_one' },
			],
		};
		expect(checkExampleReferences(files).map((finding) => finding.message)).toEqual([
			'examples/refresh/lonely_one.py:1: region "rotate" is not shown on any page: no TypeScript example has this file beside it (refresh/lonely-one.ts would); or delete the region',
		]);
	});

	test('a Python example without a test', () => {
		expect(checkExampleReferences(withPython(manager, []))).toEqual([
			{
				kind: 'missing-test',
				path: 'examples/refresh/manager.py',
				line: undefined,
				message:
					'examples/refresh/manager.py: has no test: create tests/examples/refresh/test_manager.py with "from manager import …" in it',
			},
		]);
	});

	test.each([
		'import pytest',
		'"""from manager import rotate"""',
		'# from manager import rotate',
		'from manager_two import rotate',
	])('a Python test that does not import its example: %s', (source) => {
		expect(checkExampleReferences(withPython(manager, [pythonTest(source)]))).toEqual([
			{
				kind: 'test-not-importing',
				path: 'tests/examples/refresh/test_manager.py',
				line: undefined,
				message:
					'tests/examples/refresh/test_manager.py: does not import examples/refresh/manager.py: add "from manager import …"',
			},
		]);
	});

	test('a Python region with malformed markers fails the page that shows its TypeScript', () => {
		const broken = lines('# #region rotate', 'x = 1', '# #endregion rotat');
		const kinds = checkExampleReferences(withPython(broken, [pythonTest(test_manager)])).map(
			(finding) => finding.kind
		);
		expect(kinds).toEqual(['malformed-regions']);
	});
});
