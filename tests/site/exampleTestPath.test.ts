import { expect, test } from 'vitest';
import { exampleTestPath } from '../../src/site/exampleTestPath.ts';

test.each([
	{ file: 'refresh/token-manager.ts', expected: 'tests/examples/refresh/token-manager.test.ts' },
	{ file: 'quick-start.ts', expected: 'tests/examples/quick-start.test.ts' },
	{ file: 'a/b/c.ts', expected: 'tests/examples/a/b/c.test.ts' },
])('$file is executed by $expected', ({ file, expected }) => {
	expect(exampleTestPath(file)).toBe(expected);
});
