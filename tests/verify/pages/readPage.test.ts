import { mdxToHast, type HastNode } from 'satteri';
import { describe, expect, test } from 'vitest';
import { readReferences } from '../../../src/verify/checks/readReferences.ts';
import { fenceOptions } from '../../../src/verify/pages/fenceOptions.ts';
import { readPage } from '../../../src/verify/pages/readPage.ts';

const lines = (...text: string[]) => text.join('\n');
const IMPORT = "import Example from '../../components/Example.astro';";
/** The page model and its references, with the problems of both (as `scanPages` reports them). */
function read(path: string, source: string) {
	const page = readPage(path, source);
	const references = readReferences(page);
	return { ...page, ...references, problems: [...page.problems, ...references.problems] };
}
const mdx = (source: string) => read('page.mdx', source);
const references = (source: string) =>
	mdx(source).examples.map(({ file, region, line }) => ({ file, region, line }));

/**
 * What the renderer makes of a page: the code blocks of the HTML (`<pre><code>`), and the names
 * of the components it renders. Sätteri is the processor Astro 7's MDX pipeline compiles pages
 * with; ESM, `{expressions}` and `{/* comments *\/}` are JavaScript and show nothing as written.
 */
function rendered(source: string): { blocks: string[]; components: string[]; text: string } {
	const blocks: string[] = [];
	const components: string[] = [];
	let text = '';
	const walk = (node: HastNode, inCode: boolean): void => {
		if (node.type === 'mdxjsEsm' || node.type === 'mdxFlowExpression') return;
		if (node.type === 'mdxTextExpression') return;
		if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
			if (node.name) components.push(node.name);
		}
		if (node.type === 'text') text += node.value;
		if (node.type === 'element' && node.tagName === 'pre') {
			const code = node.children[0];
			const value = code?.type === 'element' ? code.children.map(textOf).join('') : '';
			blocks.push(value.replace(/\n$/, ''));
			return;
		}
		if ('children' in node) for (const child of node.children) walk(child as HastNode, inCode);
	};
	walk(mdxToHast(source, { features: { directive: true } }), false);
	return { blocks, components, text };
}
const textOf = (node: { type: string; value?: string }): string =>
	node.type === 'text' ? (node.value ?? '') : '';

// Each of these once made a hand-written scanner disagree with the page as built.
const TRICKY = lines(
	'---',
	'title: Tricky',
	'description: <Example file="front.ts" region="matter" />',
	'---',
	IMPORT,
	"import * as SL from '@astrojs/starlight/components';",
	'export const snippet = \'<Example file="esm.ts" region="string" />\';',
	'',
	'> ```sh status=201',
	'> curl <API_BASE_URL>/quoted',
	'> ```',
	'',
	'- A list item:',
	'',
	'  ```json schema=TokenPairResponse',
	'  {}',
	'  ```',
	'',
	'{/*',
	'```sh status=201',
	'curl <API_BASE_URL>/commented-out',
	'```',
	'<Example file="comment.ts" region="gone" />',
	'*/}',
	'',
	'A span `<Example file="span.ts" region="two-lines" />',
	'over two lines` and {\'<Example file="js.ts" region="string" />\'}.',
	'',
	'<SL.Tabs>',
	'  <SL.TabItem label="A">',
	'    ```sh',
	'    curl <API_BASE_URL>/in-jsx',
	'    ```',
	'    <Example file="shown.ts" region="in-tab" run />',
	'  </SL.TabItem>',
	'</SL.Tabs>'
);

describe('readPage compared with what the page renders', () => {
	const page = mdx(TRICKY);
	const html = rendered(TRICKY);

	test('its fences are the code blocks of the HTML, in blockquotes, lists and JSX too', () => {
		expect(page.fences.map((fence) => fence.code)).toEqual(html.blocks);
		expect(page.fences.map(({ lang, line }) => ({ lang, line }))).toEqual([
			{ lang: 'sh', line: 9 },
			{ lang: 'json', line: 15 },
			{ lang: 'sh', line: 31 },
		]);
	});

	test('a fence inside {/* a comment */} is neither rendered nor read', () => {
		expect(html.blocks.join('\n')).not.toContain('commented-out');
		expect(page.fences.map((fence) => fence.code).join('\n')).not.toContain('commented-out');
	});

	test('its <Example> references are the components the HTML renders, nothing else', () => {
		expect(html.components.filter((name) => name === 'Example')).toHaveLength(1);
		expect(references(TRICKY)).toEqual([{ file: 'shown.ts', region: 'in-tab', line: 34 }]);
		expect(page.examples[0]?.run).toBe(true);
	});

	test('a code span over two lines is inline code, as the HTML shows it', () => {
		const span = page.text.find((text) => text.kind === 'inlineCode');
		expect(span?.value).toBe('<Example file="span.ts" region="two-lines" />\nover two lines');
		expect(span?.start).toMatchObject({ line: 26, column: 8 });
		expect(html.text).toContain('<Example file="span.ts" region="two-lines" /> over two lines');
	});

	test('JSX names resolve through the imports, namespace imports included', () => {
		expect(page.imports.map(({ local, imported, source }) => [local, imported, source])).toEqual([
			['Example', 'default', '../../components/Example.astro'],
			['SL', '*', '@astrojs/starlight/components'],
		]);
		expect(page.elements.map((element) => [element.name, element.source, element.export])).toEqual([
			['SL.Tabs', '@astrojs/starlight/components', 'Tabs'],
			['SL.TabItem', '@astrojs/starlight/components', 'TabItem'],
			['Example', '../../components/Example.astro', 'default'],
		]);
	});

	test('text says where it is: prose, code, or inside which component', () => {
		const prose = page.text.filter((text) => text.kind === 'prose').map((text) => text.value);
		expect(prose).toEqual(['A list item:', 'A span ', ' and ', '.']);
		const attribute = page.text.find((text) => text.attribute === 'label');
		expect(attribute).toMatchObject({ value: 'A', start: { line: 30, column: 3 } });
		expect(attribute?.within.map((element) => element.name)).toEqual(['SL.Tabs', 'SL.TabItem']);
		const inTab = page.text.find((text) => text.kind === 'code' && text.value.includes('in-jsx'));
		expect(inTab?.within.map((element) => element.name)).toEqual(['SL.Tabs', 'SL.TabItem']);
		expect(page.text.find((text) => text.value.includes('- A list'))).toBeUndefined();
		const listed = page.text.find((text) => text.value === 'A list item:');
		expect(listed?.ancestors).toEqual(['list', 'listItem', 'paragraph']);
	});
});

describe('readPage: directives', () => {
	test('text that reads like a directive stays the text Starlight renders; asides hold prose', () => {
		const page = mdx(lines('Scope messages:send at 12:30.', '', ':::note', 'Inside.', ':::'));
		const prose = page.text.filter((text) => text.kind === 'prose');
		expect(prose.map((text) => text.value).join('')).toBe('Scope messages:send at 12:30.Inside.');
		expect(prose.at(-1)?.ancestors).toEqual(['containerDirective', 'paragraph']);
	});
});

describe('readPage: references', () => {
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
			name: 'several tags, inside other components and with children',
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
			name: 'only the component, not tags in code, comments or front matter',
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
			name: 'nothing for other components whose name starts with Example',
			page: lines('<ExampleList items={x} />', '<Examples />'),
			expected: [],
		},
		{
			name: 'the component imported under another name',
			page: lines(
				"import Snippet from '../../components/Example.astro';",
				'',
				'<Snippet file="a.ts" region="r" />'
			),
			expected: [{ file: 'a.ts', region: 'r', line: 3 }],
		},
	])('finds $name', ({ page, expected }) => {
		expect(mdx(page).problems).toEqual([]);
		expect(references(page)).toEqual(expected);
	});

	test('an <Example> name bound to another module is not the component', () => {
		expect(
			references(
				lines("import Example from './Other.astro';", '', '<Example file="a" region="r" />')
			)
		).toEqual([]);
	});

	test.each([
		{
			name: 'a non-literal file',
			page: lines('Text.', '', '<Example file={x} region="r" />'),
			line: 3,
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
			name: 'run given as a string',
			page: '<Example file="a.ts" region="r" run="yes" />',
			line: 1,
			message: 'attribute run="yes" must be written as a bare "run"',
		},
		{
			name: 'run given as an expression',
			page: '<Example file="a.ts" region="r" run={isOn} />',
			line: 1,
			message: 'attribute run={isOn} must be written',
		},
		{
			name: 'an unterminated tag',
			page: lines('Text.', '', '<Example file="a.ts"', 'region="r"'),
			line: 3,
			message: 'the page is not valid MDX',
		},
	])('reports $name at its line', ({ page, line, message }) => {
		const { problems, examples } = mdx(page);
		expect(problems).toEqual([
			{ line, detail: expect.stringContaining(message), code: expect.any(String) as unknown },
		]);
		expect(examples).toEqual([]);
	});

	test('keeps going after a bad tag, collecting every problem and every good reference', () => {
		const page = mdx(
			lines(
				'<Example file={a} region="r" />',
				'<Example file="ok.ts" region="fine" />',
				'<Example file="b.ts" />',
				'<Example file="last.ts" region="also-fine" />'
			)
		);
		expect(page.examples.map(({ file, line }) => [file, line])).toEqual([
			['ok.ts', 2],
			['last.ts', 4],
		]);
		expect(page.problems.map(({ line }) => line)).toEqual([1, 3]);
	});

	test('run is bare, {true} or {false}', () => {
		const page = mdx(
			lines(
				'<Example file="a.ts" region="one" run />',
				'<Example file="a.ts" region="two" />',
				'<Example file="b.ts" region="three" run={true} />',
				'<Example file="b.ts" region="four" run={false} />'
			)
		);
		expect(page.examples.map(({ region, run }) => [region, run])).toEqual([
			['one', true],
			['two', false],
			['three', true],
			['four', false],
		]);
	});

	test('a Markdown page has no components: <Example> there is an error', () => {
		const page = read('faq.md', lines('# FAQ', '<Example file="a.ts" region="r" />'));
		expect(page.problems).toEqual([
			{
				line: 2,
				detail: '<Example> only renders in .mdx pages; rename the page to .mdx',
				code: 'reference',
			},
		]);
	});
});

describe('readPage: fences', () => {
	test('language, meta, code and line; front matter is not a fence', () => {
		const page = mdx(
			lines(
				'---',
				'title: x',
				'---',
				'',
				'```sh status=201',
				'curl x',
				'```',
				'',
				'~~~json',
				'{}',
				'~~~'
			)
		);
		expect(page.fences.map(({ lang, meta, code, line }) => ({ lang, meta, code, line }))).toEqual([
			{ lang: 'sh', meta: 'status=201', code: 'curl x', line: 5 },
			{ lang: 'json', meta: '', code: '{}', line: 9 },
		]);
	});

	test('the indentation of a fence inside a component is removed', () => {
		expect(mdx('<Tabs>\n  ```sh\n  curl a\n    b\n  ```\n</Tabs>').fences[0]?.code).toBe(
			'curl a\n  b'
		);
	});

	test('a longer fence holds a shorter one; an unclosed fence runs to the end', () => {
		const page = mdx('````md\n```sh\ncurl\n```\n````\n```json\n{');
		expect(page.fences.map(({ lang, code }) => [lang, code])).toEqual([
			['md', '```sh\ncurl\n```'],
			['json', '{'],
		]);
	});

	test('inline code with three backticks is not a fence', () => {
		expect(mdx('``` `x` ```\ntext').fences).toEqual([]);
	});

	test('meta options are read as Expressive Code reads them, keys case-insensitive', () => {
		const options = fenceOptions(`title="a b=c" Status=201,401 scopes='x y' {2-3} /re/ wrap`);
		expect(Object.fromEntries(options)).toEqual({
			title: 'a b=c',
			status: '201,401',
			scopes: 'x y',
			wrap: 'true',
		});
	});
});

describe('readPage: blocks and links', () => {
	test('each run knows its block and link; a JSX element in the text is a run of its own', () => {
		const page = mdx(
			lines(
				'First [`POST /auth/login`](/reference/api/) line  ',
				'second line <Fact name="access.lifetime" />.',
				'',
				'| a | b |',
				'|---|---|',
				'| c | d |',
				'',
				'<Aside>loose `text`</Aside>'
			)
		);
		const runs = page.text.map(({ kind, value, block, link }) => ({ kind, value, block, link }));
		expect(runs).toEqual([
			{ kind: 'prose', value: 'First ', block: 0, link: undefined },
			{ kind: 'inlineCode', value: 'POST /auth/login', block: 0, link: '/reference/api/' },
			{ kind: 'prose', value: ' line', block: 0, link: undefined },
			{ kind: 'break', value: ' ', block: 0, link: undefined },
			{ kind: 'prose', value: 'second line ', block: 0, link: undefined },
			{ kind: 'element', value: '', block: 0, link: undefined },
			{ kind: 'attribute', value: 'access.lifetime', block: undefined, link: undefined },
			{ kind: 'prose', value: '.', block: 0, link: undefined },
			{ kind: 'prose', value: 'a', block: 1, link: undefined },
			{ kind: 'prose', value: 'b', block: 2, link: undefined },
			{ kind: 'prose', value: 'c', block: 3, link: undefined },
			{ kind: 'prose', value: 'd', block: 4, link: undefined },
			{ kind: 'element', value: '', block: undefined, link: undefined },
			{ kind: 'prose', value: 'loose ', block: 5, link: undefined },
			{ kind: 'inlineCode', value: 'text', block: 5, link: undefined },
		]);
	});
});
