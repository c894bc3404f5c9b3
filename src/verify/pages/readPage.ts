import { MetaOptions } from '@expressive-code/core';
import type { Root } from 'mdast';
import { htmlToHast, markdownToMdast, mdxToMdast, type HastNode } from 'satteri';
import ts from 'typescript';

/** A place in a page: 1-based line and column, 0-based offset (UTF-16 units). */
export interface Point {
	line: number;
	column: number;
	offset: number;
}

/** One name a page's ESM imports: `import { Code as C } from 'x'` gives local C, imported Code. */
export interface PageImport {
	local: string;
	/** The exported name; `default` for a default import, `*` for a namespace import. */
	imported: string;
	/** The module specifier as written (`../../components/Example.astro`). */
	source: string;
	line: number;
}

/** The value of one JSX attribute, as far as a static check can tell. */
export type AttributeValue =
	{ kind: 'string'; value: string } | { kind: 'expression'; text: string } | { kind: 'boolean' };

/** A JSX element of the page (or an HTML element of a `.md` page), resolved through its imports. */
export interface PageElement {
	/** The name as written: `Example`, `SL.Code`, `pre`. */
	name: string;
	/** The module the component comes from, or undefined for an HTML element or an unimported name. */
	source: string | undefined;
	/** The export of `source` it is (`default`, `Code`); for an HTML element, its tag name. */
	export: string;
	/** Attributes in order; a repeated attribute keeps its last value (see `repeated`). */
	attributes: ReadonlyMap<string, AttributeValue>;
	/** Names given more than once, and whether a `{...spread}` hides more. */
	repeated: readonly string[];
	spread: boolean;
	start: Point;
	end: Point;
}

/** A fenced code block as the renderer sees it (blockquotes, lists and JSX children included). */
export interface Fence {
	/** The language word of the info string as written (`sh` in "```sh status=201"), or ''. */
	lang: string;
	/** The rest of the info string: Expressive Code meta such as `title="x" status=201`. */
	meta: string;
	/**
	 * The meta's `key=value` options, keys lower-cased, read by Expressive Code's own parser (which
	 * ignores keys it does not know: that lets pages declare `status=201` unseen by readers).
	 */
	options: ReadonlyMap<string, string>;
	/** The block's content, without the fences and the indentation of its container. */
	code: string;
	/** 1-based line of the opening fence. */
	line: number;
	start: Point;
}

/**
 * A run of text a reader sees, with what it is: `prose`, an inline code span, a code block, or
 * the string value of a JSX attribute (positioned at its element). `within` is the chain of JSX
 * elements around it, outermost first; `ancestors` the Markdown node types (`heading`, `link`…).
 */
export interface PageText {
	kind: 'prose' | 'inlineCode' | 'code' | 'attribute';
	value: string;
	start: Point;
	end: Point;
	within: readonly PageElement[];
	ancestors: readonly string[];
	/** For `attribute` text, the attribute's name. */
	attribute?: string;
}

/** One `<Example file="…" region="…" />` on a page, with its attributes. */
export interface ExampleReference {
	file: string;
	region: string;
	/** Whether it asks for a Run panel (`run` or `run={true}`). */
	run: boolean;
	line: number;
	element: PageElement;
}

/** One `<Sample name="…" />` on a page. */
export interface SampleReference {
	name: string;
	line: number;
	element: PageElement;
}

/** Something on a page that a static check cannot read; `detail` says how to write it. */
export interface PageProblem {
	line: number;
	detail: string;
}

/** One reading of a page: its syntax tree and the manifest of what it holds. */
export interface Page {
	path: string;
	source: string;
	/** The mdast tree from Sätteri, the parser Astro 7's MDX pipeline renders with. */
	tree: Root | undefined;
	imports: readonly PageImport[];
	/** Every string literal of the page's ESM (`import.meta.glob(…, { query: '?raw' })`). */
	esmStrings: readonly { value: string; line: number }[];
	elements: readonly PageElement[];
	fences: readonly Fence[];
	text: readonly PageText[];
	examples: readonly ExampleReference[];
	samples: readonly SampleReference[];
	problems: readonly PageProblem[];
}

// What Starlight turns on for its pages (asides are directives); GFM and front matter are default.
const FEATURES = { directive: true } as const;

/**
 * Reads a page once, with the parser its extension gets when the site is built (`.mdx` as MDX,
 * anything else as Markdown, whose raw HTML is read with an HTML parser), and lists what it holds.
 */
export function readPage(path: string, source: string): Page {
	const mdx = path.endsWith('.mdx');
	const page: Page & Mutable = {
		path,
		source,
		tree: undefined,
		imports: [],
		esmStrings: [],
		elements: [],
		fences: [],
		text: [],
		examples: [],
		samples: [],
		problems: [],
	};
	try {
		page.tree = (mdx ? mdxToMdast : markdownToMdast)(source, { features: FEATURES }) as Root;
	} catch (error) {
		page.problems.push(parseProblem(error));
		return page;
	}
	visit(page, page.tree as AnyNode, [], []);
	for (const element of page.elements) readReference(page, element, mdx);
	page.problems.sort((a, b) => a.line - b.line);
	return page;
}

interface Mutable {
	imports: PageImport[];
	esmStrings: { value: string; line: number }[];
	elements: PageElement[];
	fences: Fence[];
	text: PageText[];
	examples: ExampleReference[];
	samples: SampleReference[];
	problems: PageProblem[];
}

type AnyNode = {
	type: string;
	value?: string;
	children?: AnyNode[];
	position?: { start: Point; end: Point };
	[key: string]: unknown;
};

const NOWHERE: Point = { line: 1, column: 1, offset: 0 };

function visit(
	page: Page & Mutable,
	node: AnyNode,
	within: readonly PageElement[],
	ancestors: readonly string[]
): void {
	const start = node.position?.start ?? NOWHERE;
	const end = node.position?.end ?? NOWHERE;
	switch (node.type) {
		case 'mdxjsEsm':
			readEsm(page, node.value ?? '', start.line);
			return;
		case 'mdxFlowExpression':
		case 'mdxTextExpression':
			// `{/* … */}` and `{expressions}`: JavaScript, not Markdown; nothing in them is rendered as is.
			return;
		case 'code': {
			const lang = typeof node['lang'] === 'string' ? node['lang'] : '';
			const meta = typeof node['meta'] === 'string' ? node['meta'] : '';
			const code = node.value ?? '';
			// Markdown's indented code blocks are code too, but not fences (no language, no meta).
			const fenced = ['`', '~'].includes(page.source[start.offset] ?? '');
			if (fenced) {
				page.fences.push({
					lang,
					meta,
					options: fenceOptions(meta),
					code,
					line: start.line,
					start,
				});
			}
			page.text.push({ kind: 'code', value: code, start, end, within, ancestors });
			return;
		}
		case 'inlineCode':
		case 'text':
			page.text.push({
				kind: node.type === 'text' ? 'prose' : 'inlineCode',
				value: node.value ?? '',
				start,
				end,
				within,
				ancestors,
			});
			return;
		case 'textDirective':
		case 'leafDirective':
			// Starlight claims only container directives (asides); it writes any other one back as
			// the text it was (`messages:send` holds a `:send` directive), so that is what it is.
			page.text.push({
				kind: 'prose',
				value: page.source.slice(start.offset, end.offset),
				start,
				end,
				within,
				ancestors,
			});
			return;
		case 'html':
			for (const element of htmlElements(node.value ?? '', start, end)) page.elements.push(element);
			return;
		case 'mdxJsxFlowElement':
		case 'mdxJsxTextElement': {
			const element = jsxElement(page, node, start, end);
			if (element) {
				page.elements.push(element);
				for (const [attribute, value] of element.attributes) {
					if (value.kind !== 'string') continue;
					page.text.push({
						kind: 'attribute',
						value: value.value,
						start,
						end,
						within: [...within, element],
						ancestors,
						attribute,
					});
				}
			}
			const inner = element ? [...within, element] : within;
			for (const child of node.children ?? []) visit(page, child, inner, ancestors);
			return;
		}
	}
	const inner = node.type === 'root' ? ancestors : [...ancestors, node.type];
	for (const child of node.children ?? []) visit(page, child, within, inner);
}

/** The names an ESM block imports and the strings it holds, read with TypeScript's parser. */
function readEsm(page: Page & Mutable, esm: string, firstLine: number): void {
	const file = ts.createSourceFile(
		'page.tsx',
		esm,
		ts.ScriptTarget.Latest,
		true,
		ts.ScriptKind.TSX
	);
	const lineOf = (node: ts.Node) =>
		firstLine + file.getLineAndCharacterOfPosition(node.getStart()).line;
	const strings = (node: ts.Node): void => {
		if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
			page.esmStrings.push({ value: node.text, line: lineOf(node) });
		}
		node.forEachChild(strings);
	};
	strings(file);
	for (const statement of file.statements) {
		if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) {
			continue;
		}
		const source = statement.moduleSpecifier.text;
		const line = lineOf(statement);
		const add = (local: string, imported: string) =>
			page.imports.push({ local, imported, source, line });
		const clause = statement.importClause;
		if (clause?.name) add(clause.name.text, 'default');
		const bindings = clause?.namedBindings;
		if (bindings && ts.isNamespaceImport(bindings)) add(bindings.name.text, '*');
		else if (bindings) {
			for (const element of bindings.elements) {
				add(element.name.text, (element.propertyName ?? element.name).text);
			}
		}
		// A side-effect import names nothing, but the rules still want to see it.
		if (!clause) add('', '');
	}
}

function jsxElement(page: Page, node: AnyNode, start: Point, end: Point): PageElement | undefined {
	const name = typeof node['name'] === 'string' ? node['name'] : undefined;
	if (name === undefined) return undefined; // a fragment: <>…</>
	const attributes = new Map<string, AttributeValue>();
	const repeated: string[] = [];
	let spread = false;
	for (const attribute of (node['attributes'] ?? []) as AnyNode[]) {
		if (attribute.type === 'mdxJsxExpressionAttribute') {
			spread = true;
			continue;
		}
		const attributeName = String(attribute['name']);
		if (attributes.has(attributeName)) repeated.push(attributeName);
		const value = attribute.value as unknown;
		attributes.set(
			attributeName,
			value === null || value === undefined
				? { kind: 'boolean' }
				: typeof value === 'string'
					? { kind: 'string', value }
					: { kind: 'expression', text: `{${(value as { value: string }).value}}` }
		);
	}
	return { name, ...resolve(page.imports, name), attributes, repeated, spread, start, end };
}

/** Which module export a JSX name refers to, through the page's imports (namespaces included). */
function resolve(
	imports: readonly PageImport[],
	name: string
): { source: string | undefined; export: string } {
	const [head = name, ...rest] = name.split('.');
	const imported = imports.find((entry) => entry.local === head);
	if (!imported) return { source: undefined, export: name };
	if (imported.imported === '*' && rest.length > 0) {
		return { source: imported.source, export: rest.join('.') };
	}
	return { source: imported.source, export: imported.imported };
}

/** The elements of a Markdown page's raw HTML, read with an HTML parser (as they will render). */
function htmlElements(html: string, start: Point, end: Point): PageElement[] {
	const elements: PageElement[] = [];
	const walk = (node: HastNode): void => {
		if (node.type === 'element') {
			const attributes = new Map<string, AttributeValue>();
			for (const [key, value] of Object.entries(node.properties ?? {})) {
				const text = Array.isArray(value) ? value.join(' ') : value;
				attributes.set(
					key === 'className' ? 'class' : key,
					text === true ? { kind: 'boolean' } : { kind: 'string', value: String(text) }
				);
			}
			const { tagName } = node;
			elements.push({
				name: tagName,
				source: undefined,
				export: tagName,
				attributes,
				repeated: [],
				spread: false,
				start,
				end,
			});
		}
		if ('children' in node) for (const child of node.children as HastNode[]) walk(child);
	};
	walk(htmlToHast(html, { fragment: true }));
	return elements;
}

/** A fence meta's `key=value` options, as Expressive Code reads them, keys lower-cased. */
export function fenceOptions(meta: string): ReadonlyMap<string, string> {
	const options = new Map<string, string>();
	for (const option of new MetaOptions(meta).list()) {
		const { key, kind, value } = option;
		// A bare word (`wrap`) is a boolean option; so is `status=` with no value.
		if (key && (kind === 'string' || kind === 'boolean'))
			options.set(key.toLowerCase(), String(value));
	}
	return options;
}

/** Whether an element is the site component `<name>.astro` (`Example`, `Sample`). */
export function isComponent(element: PageElement, name: string): boolean {
	if (element.source === undefined) return element.name === name;
	return element.source.endsWith(`/${name}.astro`) && element.export === 'default';
}

function readReference(page: Page & Mutable, element: PageElement, mdx: boolean): void {
	const line = element.start.line;
	const problem = (detail: string): void => void page.problems.push({ line, detail });
	// HTML has no components: in a Markdown page `<Example>` is an unknown `example` element.
	const example = mdx ? isComponent(element, 'Example') : element.name === 'example';
	const sample = mdx ? isComponent(element, 'Sample') : element.name === 'sample';
	if (!example && !sample) return;
	const tag = example ? '<Example>' : '<Sample>';
	if (!mdx) return problem(`${tag} only renders in .mdx pages; rename the page to .mdx`);
	if (element.spread) {
		return problem('spread attributes ({...props}) are not allowed; write each attribute out');
	}
	const [twice] = element.repeated;
	if (twice !== undefined) return problem(`attribute "${twice}" is given twice`);
	if (sample) {
		const name = element.attributes.get('name');
		if (name?.kind !== 'string' || name.value.trim() === '') {
			return problem('<Sample> needs a literal name="…" attribute');
		}
		page.samples.push({ name: name.value, line, element });
		return;
	}
	const file = literal(element, 'file', 'topic/name.ts');
	const region = literal(element, 'region', 'region-name');
	const run = runAttribute(element.attributes.get('run'));
	for (const detail of [file, region, run]) if (detail.problem) problem(detail.problem);
	if (file.value !== undefined && region.value !== undefined && run.value !== undefined) {
		page.examples.push({ file: file.value, region: region.value, run: run.value, line, element });
	}
}

type Read<T> = { value: T; problem?: undefined } | { value?: undefined; problem: string };

function literal(element: PageElement, name: string, sample: string): Read<string> {
	const value = element.attributes.get(name);
	const example = `${name}="${sample}"`;
	if (!value) return { problem: `<Example> is missing the ${example} attribute` };
	if (value.kind === 'expression') {
		return {
			problem: `<Example> attribute ${name}=${value.text} must be a string literal like ${example}, so the reference can be checked statically`,
		};
	}
	if (value.kind === 'boolean' || value.value.trim() === '') {
		return { problem: `<Example> attribute "${name}" must not be empty` };
	}
	return { value: value.value };
}

// `run` must be readable without running the page: bare, {true} or {false}.
function runAttribute(value: AttributeValue | undefined): Read<boolean> {
	if (value === undefined) return { value: false };
	if (value.kind === 'boolean' || (value.kind === 'expression' && value.text === '{true}')) {
		return { value: true };
	}
	if (value.kind === 'expression' && value.text === '{false}') return { value: false };
	const written = value.kind === 'string' ? `"${value.value}"` : value.text;
	return {
		problem: `<Example> attribute run=${written} must be written as a bare "run" (or run={true} / run={false})`,
	};
}

// Sätteri's messages start with the place: "12:3: Unexpected character…".
function parseProblem(error: unknown): PageProblem {
	const message = error instanceof Error ? error.message : String(error);
	const [place = '', ...rest] = message.split(': ');
	const line = Number(place.split(':')[0]);
	return Number.isInteger(line) && line > 0 && rest.length > 0
		? { line, detail: `the page is not valid MDX: ${rest.join(': ')}` }
		: { line: 1, detail: `the page is not valid MDX: ${message}` };
}
