import { describe, expect, test } from 'vitest';
import { dedent } from '../../../src/site/regions/dedent.ts';

describe('dedent', () => {
	test.each([
		{ name: 'no lines', input: [], expected: [] },
		{ name: 'nothing to remove', input: ['a', '  b'], expected: ['a', '  b'] },
		{ name: 'common spaces', input: ['  a', '    b'], expected: ['a', '  b'] },
		{ name: 'blank lines do not count', input: ['\ta', '', '\t\tb'], expected: ['a', '', '\tb'] },
		{
			name: 'whitespace-only lines become empty',
			input: ['  a', ' ', '  b'],
			expected: ['a', '', 'b'],
		},
		// A tab and two spaces share no prefix, so nothing is removed.
		{ name: 'mixed tabs and spaces', input: ['\ta', '  b'], expected: ['\ta', '  b'] },
		{ name: 'only blank lines', input: ['  ', ''], expected: ['', ''] },
	])('$name', ({ input, expected }) => {
		expect(dedent(input)).toEqual(expected);
	});
});
