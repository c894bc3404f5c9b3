import { describe, expect, test } from 'vitest';
import { runtimeImports } from '../../../src/verify/checks/runtimeImports.ts';

const TEST = 'tests/examples/refresh/manager.test.ts';
const EXAMPLE = 'examples/refresh/manager.ts';
const FROM_TEST = '../../../examples/refresh/manager.ts';

describe('runtimeImports', () => {
	test.each([
		{ name: 'a named import', source: `import { a } from '${FROM_TEST}';`, expected: [EXAMPLE] },
		{
			name: 'a namespace import',
			source: `import * as m from '${FROM_TEST}';`,
			expected: [EXAMPLE],
		},
		{ name: 'a side-effect import', source: `import '${FROM_TEST}';`, expected: [EXAMPLE] },
		// With verbatimModuleSyntax this import is kept (as `import {}`), so the module still loads.
		{
			name: 'inline type specifiers',
			source: `import { type A } from '${FROM_TEST}';`,
			expected: [EXAMPLE],
		},
		{ name: 'a re-export', source: `export { a } from '${FROM_TEST}';`, expected: [EXAMPLE] },
		{
			name: 'a dynamic import inside a test',
			source: `test('x', async () => { await import('${FROM_TEST}'); });`,
			expected: [EXAMPLE],
		},
		{
			name: 'a sibling helper',
			source: "import { h } from './helpers.ts';",
			expected: ['tests/examples/refresh/helpers.ts'],
		},
		// A configuration example (nginx) is imported as text by the test that runs it.
		{
			name: 'a text import of a configuration file',
			source: "import conf from '../../../examples/refresh/proxy.conf?raw';",
			expected: ['examples/refresh/proxy.conf'],
		},
		{ name: 'a type-only import', source: `import type { A } from '${FROM_TEST}';`, expected: [] },
		{
			name: 'a type-only re-export',
			source: `export type { A } from '${FROM_TEST}';`,
			expected: [],
		},
		{
			name: 'a commented-out import',
			source: `// import { a } from '${FROM_TEST}';`,
			expected: [],
		},
		{ name: 'the path only inside a string', source: `const p = '${FROM_TEST}';`, expected: [] },
		{ name: 'a package import', source: "import { test } from 'vitest';", expected: [] },
	])('$name', ({ source, expected }) => {
		expect(runtimeImports(TEST, source)).toEqual(expected);
	});
});
