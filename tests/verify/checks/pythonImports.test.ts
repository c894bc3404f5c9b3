import { expect, test } from 'vitest';
import { pythonImports } from '../../../src/verify/checks/pythonImports.ts';

test.each([
	{ source: 'import a', expected: ['a'] },
	{ source: 'import a.b as c, d  # e', expected: ['a.b', 'd'] },
	{ source: 'from a import (\n    x,\n)', expected: ['a'] },
	{ source: '    from token_manager import TokenManager', expected: ['token_manager'] },
	{ source: 'from . import x', expected: [] },
	{ source: '# import a', expected: [] },
	{ source: '"""\nimport a\n"""\nimport b', expected: ['b'] },
	{ source: "'''one line''' \nimport b", expected: ['b'] },
	{ source: 'x = "import a"', expected: [] },
])('$source → $expected', ({ source, expected }) => {
	expect(pythonImports(source)).toEqual(expected);
});
