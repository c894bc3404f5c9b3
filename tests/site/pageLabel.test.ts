import { describe, expect, test } from 'vitest';
import { pageLabel } from '../../src/site/pageLabel.ts';

describe('pageLabel', () => {
	test.each([
		{
			name: 'the source file when known',
			read: () => 'src/content/docs/a.mdx',
			expected: 'src/content/docs/a.mdx',
		},
		{ name: 'the URL when the file path is empty', read: () => '', expected: '/a/' },
		{ name: 'the URL when there is no file path', read: () => undefined, expected: '/a/' },
		{
			name: 'the URL off Starlight routes (the getter throws)',
			read: () => {
				throw new Error('`locals.starlightRoute` is not defined');
			},
			expected: '/a/',
		},
	])('names $name', ({ read, expected }) => {
		expect(pageLabel(read, '/a/')).toBe(expected);
	});
});
