import { describe, expect, test } from 'vitest';
import { ExampleTagError } from '../../../src/verify/pages/ExampleTagError.ts';
import { findExampleReferences } from '../../../src/verify/pages/findExampleReferences.ts';

const lines = (...text: string[]) => text.join('\n');
const IMPORT = "import Example from '../../components/Example.astro';";

describe('findExampleReferences', () => {
	test.each([
		{
			name: 'a page without examples',
			page: lines('---', 'title: T', '---', '', 'Text.'),
			expected: [],
		},
		{
			name: 'one self-closing tag after front matter and import',
			page: lines('---', 'title: T', '---', '', IMPORT, '', '<Example file="a/b.ts" region="r" />'),
			expected: [{ file: 'a/b.ts', region: 'r', line: 7 }],
		},
		{
			name: 'single quotes, extra props and a multi-line tag (line of "<Example")',
			page: lines(
				'Intro.',
				'',
				'<Example',
				"\tregion='second'",
				'\tfile="a/b.ts"',
				'\ttitle="Refresh > rotate {sic}"',
				'\tmark={[2, 3]}',
				'\trun',
				'/>'
			),
			expected: [{ file: 'a/b.ts', region: 'second', line: 3 }],
		},
		{
			name: 'several tags, including inside other components and with children',
			page: lines(
				'<Tabs>',
				'  <TabItem label="A">',
				'    <Example file="a.ts" region="one"/>',
				'  </TabItem>',
				'</Tabs>',
				'<Example file="b.ts" region="two">extra</Example>'
			),
			expected: [
				{ file: 'a.ts', region: 'one', line: 3 },
				{ file: 'b.ts', region: 'two', line: 6 },
			],
		},
		{
			name: 'a CRLF page',
			page: 'Text.\r\n\r\n<Example file="a.ts" region="r" />\r\n',
			expected: [{ file: 'a.ts', region: 'r', line: 3 }],
		},
		{
			name: 'tags that are not components: fenced code, inline code, MDX comments, front matter',
			page: lines(
				'---',
				'description: <Example file={x} />',
				'---',
				'Use `<Example file={x} region="r" />` like this:',
				'',
				'```mdx',
				'<Example file={x} region="r" />',
				'```',
				'',
				'   ~~~~',
				'   <Example file={x} />',
				'   ~~~~',
				'',
				'{/* <Example file={x} region="r" /> */}',
				'{/*',
				'  <Example file="old.ts" region="gone" />',
				'*/}',
				'<Example file="real.ts" region="r" />'
			),
			expected: [{ file: 'real.ts', region: 'r', line: 18 }],
		},
		{
			name: 'other components whose name starts with Example',
			page: lines('<ExampleList items={x} />', '<Examples />'),
			expected: [],
		},
	])('finds $name', ({ page, expected }) => {
		expect(findExampleReferences(page)).toEqual(expected);
	});

	test.each([
		{
			name: 'a non-literal file',
			page: lines('Text.', '<Example file={x} region="r" />'),
			line: 2,
			message: 'attribute file={x} must be a string literal like file="topic/name.ts"',
		},
		{
			name: 'a non-literal region (template literal)',
			page: lines('<Example', '  file="a.ts"', '  region={`r-${n}`}', '/>'),
			line: 1,
			message: 'attribute region={`r-${n}`} must be a string literal like region="region-name"',
		},
		{
			name: 'a string inside braces (still not a plain literal)',
			page: '<Example file={"a.ts"} region="r" />',
			line: 1,
			message: 'attribute file={"a.ts"} must be a string literal',
		},
		{
			name: 'a spread attribute',
			page: lines('', '<Example {...props} />'),
			line: 2,
			message: 'spread attributes ({...props}) are not allowed',
		},
		{
			name: 'a missing region',
			page: '<Example file="a.ts" />',
			line: 1,
			message: 'missing the region="region-name" attribute',
		},
		{
			name: 'a missing file',
			page: '<Example region="r" />',
			line: 1,
			message: 'missing the file="topic/name.ts" attribute',
		},
		{
			name: 'an empty file',
			page: '<Example file="" region="r" />',
			line: 1,
			message: 'attribute "file" must not be empty',
		},
		{
			name: 'a valueless file',
			page: '<Example file region="r" />',
			line: 1,
			message: 'attribute "file" must not be empty',
		},
		{
			name: 'a duplicate attribute',
			page: '<Example file="a.ts" file="b.ts" region="r" />',
			line: 1,
			message: 'attribute "file" is given twice',
		},
		{
			name: 'an unterminated tag',
			page: lines('<Example file="a.ts"', 'region="r"'),
			line: 1,
			message: 'unterminated tag',
		},
		{
			name: 'an unterminated string',
			page: '<Example file="a.ts region=r />',
			line: 1,
			message: 'unterminated string in attribute "file"',
		},
		{
			name: 'the component imported under another name',
			page: lines(
				'---',
				'title: T',
				'---',
				"import Snippet from '../../components/Example.astro';",
				'<Snippet file="a.ts" region="r" />'
			),
			line: 4,
			message: 'Example.astro must be imported as "Example"',
		},
	])('rejects $name', ({ page, line, message }) => {
		expect(() => findExampleReferences(page)).toThrowError(ExampleTagError);
		expect(() => findExampleReferences(page)).toThrowError(message);
		expect(() => findExampleReferences(page)).toThrowError(new RegExp(`^line ${line}: `));
	});
});
