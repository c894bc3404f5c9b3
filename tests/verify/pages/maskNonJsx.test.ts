import { describe, expect, test } from 'vitest';
import { maskNonJsx } from '../../../src/verify/pages/maskNonJsx.ts';

const lines = (...text: string[]) => text.join('\n');

describe('maskNonJsx', () => {
	test.each([
		{ name: 'plain text', page: 'a <B /> c', expected: 'a <B /> c' },
		{
			name: 'front matter',
			page: lines('---', 'a: 1', '---', 'x'),
			expected: lines('   ', '    ', '   ', 'x'),
		},
		{ name: 'inline code', page: 'a `<B />` c', expected: 'a         c' },
		{ name: 'double-backtick inline code', page: 'a ``x ` y`` c', expected: 'a           c' },
		{ name: 'an unmatched backtick', page: 'a ` <B />', expected: 'a ` <B />' },
		{ name: 'an MDX comment', page: 'a {/* <B /> */} c', expected: 'a               c' },
		{
			name: 'a backtick fence',
			page: lines('```ts', '<B />', '```', 'c'),
			expected: lines('     ', '     ', '   ', 'c'),
		},
		{
			name: 'a longer tilde fence',
			page: lines('~~~~', '~~~', '<B />', '~~~~', 'c'),
			expected: lines('    ', '   ', '     ', '    ', 'c'),
		},
		{
			name: 'an indented fence',
			page: lines('  ```', '  <B />', '  ```'),
			expected: lines('     ', '       ', '     '),
		},
		{
			name: 'an unclosed fence',
			page: lines('x', '```', '<B />'),
			expected: lines('x', '   ', '     '),
		},
		{
			name: 'CRLF line endings kept',
			page: '```\r\n<B />\r\n```\r\nx',
			expected: '   \r\n     \r\n   \r\nx',
		},
	])('masks $name, keeping offsets', ({ page, expected }) => {
		const masked = maskNonJsx(page);
		expect(masked).toBe(expected);
		expect(masked).toHaveLength(page.length);
	});
});
