import { describe, expect, test } from 'vitest';
import {
	ExampleError,
	type ExampleSources,
	exampleTestPath,
	pythonSibling,
	resolveExample,
	resolveExampleVariants,
} from '../../src/site/resolveExample.ts';

test.each([
	{ file: 'refresh/token-manager.ts', expected: 'tests/examples/refresh/token-manager.test.ts' },
	{ file: 'quick-start.ts', expected: 'tests/examples/quick-start.test.ts' },
	{ file: 'a/b/c.ts', expected: 'tests/examples/a/b/c.test.ts' },
	{ file: 'browser-apps/nginx.conf', expected: 'tests/examples/browser-apps/nginx.test.ts' },
	{ file: 'a.b/c.ts', expected: 'tests/examples/a.b/c.test.ts' },
])('$file is executed by $expected', ({ file, expected }) => {
	expect(exampleTestPath(file)).toBe(expected);
});

const PAGE = 'src/content/docs/guides/refresh-and-rotation.mdx';
const sources: ExampleSources = {
	'refresh/token-manager.ts': [
		'// #region ensure-valid',
		'export const ensureValid = () => true;',
		'// #endregion ensure-valid',
		'// #region rotate',
		'export const rotate = () => true;',
		'// #endregion rotate',
	].join('\n'),
	'refresh/plain.ts': 'export const x = 1;',
	'browser-apps/proxy.conf': ['# #region server', 'server {', '}', '# #endregion server'].join(
		'\n'
	),
	'refresh/broken.ts': ['// #region a', 'x();', '// #endregion b'].join('\n'),
};
const resolve = (file: string, region: string, from = sources) =>
	resolveExample({ page: PAGE, file, region, sources: from });

describe('resolveExample', () => {
	test('returns the region code, the frame title and the test file', () => {
		expect(resolve('refresh/token-manager.ts', 'rotate')).toEqual({
			code: 'export const rotate = () => true;',
			lang: 'ts',
			title: 'examples/refresh/token-manager.ts',
			testFile: 'tests/examples/refresh/token-manager.test.ts',
		});
	});

	test('highlights a configuration file as its language, with its own test file', () => {
		expect(resolve('browser-apps/proxy.conf', 'server')).toEqual({
			code: 'server {\n}',
			lang: 'nginx',
			title: 'examples/browser-apps/proxy.conf',
			testFile: 'tests/examples/browser-apps/proxy.test.ts',
		});
	});

	test.each([
		{
			name: 'a missing region lists the regions that exist',
			file: 'refresh/token-manager.ts',
			region: 'ensure-vaild',
			expected: [
				`<Example file="refresh/token-manager.ts" region="ensure-vaild" /> on page ${PAGE}:`,
				'region "ensure-vaild" does not exist in examples/refresh/token-manager.ts.',
				'Regions in that file: ensure-valid, rotate.',
			],
		},
		{
			name: 'a missing region in a file without regions says so',
			file: 'refresh/plain.ts',
			region: 'x',
			expected: [
				PAGE,
				'region "x" does not exist in examples/refresh/plain.ts.',
				'That file has no regions.',
			],
		},
		{
			name: 'a missing file lists the files that exist',
			file: 'refresh/token-manger.ts',
			region: 'rotate',
			expected: [
				`<Example file="refresh/token-manger.ts" region="rotate" /> on page ${PAGE}:`,
				'file examples/refresh/token-manger.ts does not exist.',
				'Files in examples/: browser-apps/proxy.conf, refresh/broken.ts, refresh/plain.ts, refresh/token-manager.ts.',
			],
		},
		{
			name: 'a path that repeats examples/ gets a hint',
			file: 'examples/refresh/plain.ts',
			region: 'x',
			expected: [PAGE, 'region="x"', 'write file="refresh/plain.ts"'],
		},
		{
			name: 'an Object.prototype name is not a file',
			file: 'constructor',
			region: 'x',
			expected: [PAGE, 'file examples/constructor does not exist.'],
		},
		{
			name: 'malformed markers name the file and line',
			file: 'refresh/broken.ts',
			region: 'a',
			expected: [
				PAGE,
				'region="a"',
				'examples/refresh/broken.ts:3: #endregion "b" does not match the open region "a"',
			],
		},
	])('$name', ({ file, region, expected }) => {
		expect(() => resolve(file, region)).toThrowError(ExampleError);
		for (const part of expected) expect(() => resolve(file, region)).toThrowError(part);
	});

	test('an empty examples/ says there are no files yet', () => {
		expect(() => resolve('a.ts', 'r', {})).toThrowError('There are no files in examples/ yet.');
	});

	test('a long file list is cut short', () => {
		const names = Array.from({ length: 25 }, (_, i) => `t/f${String(i).padStart(2, '0')}.ts`);
		const many = Object.fromEntries(names.map((name) => [name, '']));
		expect(() => resolve('a.ts', 'r', many)).toThrowError('t/f19.ts, … (5 more).');
	});
});

describe('Python beside TypeScript', () => {
	test.each([
		{ file: 'refresh/token_manager.py', expected: 'tests/examples/refresh/test_token_manager.py' },
		{ file: 'main.py', expected: 'tests/examples/test_main.py' },
	])('$file is executed by $expected', ({ file, expected }) => {
		expect(exampleTestPath(file)).toBe(expected);
	});

	test.each([
		{ file: 'refresh/token-manager.ts', expected: 'refresh/token_manager.py' },
		{ file: 'quick-start/main.ts', expected: 'quick-start/main.py' },
		{ file: 'a-b/c-d-e.ts', expected: 'a-b/c_d_e.py' },
	])('the Python beside $file is $expected', ({ file, expected }) => {
		expect(pythonSibling(file)).toBe(expected);
	});

	const withPython: ExampleSources = {
		...sources,
		'refresh/token_manager.py': [
			'# #region rotate',
			'def rotate() -> bool:',
			'    return True',
			'# #endregion rotate',
		].join('\n'),
		'refresh/broken.py': '# #region a',
	};
	const variants = (file: string, region: string, from = withPython) =>
		resolveExampleVariants({ page: PAGE, file, region, sources: from });

	test('a region both languages have: TypeScript first, then Python', () => {
		expect(variants('refresh/token-manager.ts', 'rotate')).toEqual([
			{
				code: 'export const rotate = () => true;',
				lang: 'ts',
				title: 'examples/refresh/token-manager.ts',
				testFile: 'tests/examples/refresh/token-manager.test.ts',
				label: 'TypeScript',
			},
			{
				code: 'def rotate() -> bool:\n    return True',
				lang: 'python',
				title: 'examples/refresh/token_manager.py',
				testFile: 'tests/examples/refresh/test_token_manager.py',
				label: 'Python',
			},
		]);
	});

	test('a region only the TypeScript has, or no Python file at all: TypeScript alone', () => {
		expect(variants('refresh/token-manager.ts', 'ensure-valid').map((v) => v.label)).toEqual([
			'TypeScript',
		]);
		expect(
			variants('refresh/plain.ts', 'x', {
				...withPython,
				'refresh/plain.ts': '// #region x\nx();\n// #endregion x',
			}).map((v) => v.label)
		).toEqual(['TypeScript']);
	});

	test('a missing TypeScript region fails even when the Python has it', () => {
		expect(() => variants('refresh/plain.ts', 'rotate')).toThrowError(ExampleError);
	});

	test('malformed Python markers fail the build, naming the Python file and line', () => {
		const from = { ...withPython, 'refresh/broken.ts': '// #region a\nx();\n// #endregion a' };
		expect(() => variants('refresh/broken.ts', 'a', from)).toThrowError(
			'<Example file="refresh/broken.ts" region="a" /> on page src/content/docs/guides/refresh-and-rotation.mdx: examples/refresh/broken.py:1: region "a" is never closed (expected "# #endregion a")'
		);
	});
});
