/**
 * The page model: each page read once, with Sätteri (the parser Astro renders MDX with), into its
 * syntax tree and a manifest of what it holds: imports, JSX elements, fences, and every run of
 * text a reader sees with its block, links and JSX ancestry. One typed walk of the tree makes the
 * manifest; the checks (references, prose, unlinked endpoints) are filters over it.
 */
import type { Nodes, Root } from 'mdast';
import type {} from 'mdast-util-directive';
import type {} from 'mdast-util-mdx-expression';
import type {} from 'mdast-util-mdx-jsx';
import type {} from 'mdast-util-mdxjs-esm';
import { markdownToMdast, mdxToMdast } from 'satteri';
import { visitParents, SKIP } from 'unist-util-visit-parents';
import { fenceOptions } from './fenceOptions.ts';
import { htmlElements, jsxElement } from './pageElements.ts';
import { readEsm } from './readEsm.ts';

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
 * A run of what a reader sees, in page order, with what it is: `prose`, an inline code span, a
 * code block, the string value of a JSX attribute (positioned at its element), a line `break`, or
 * a JSX `element` standing in the text (`<Fact />`, whose component renders words). `within` is
 * the chain of JSX elements around it, outermost first; `ancestors` the Markdown node types
 * (`heading`, `link`…).
 */
export interface PageText {
	kind: 'prose' | 'inlineCode' | 'code' | 'attribute' | 'break' | 'element';
	value: string;
	start: Point;
	end: Point;
	within: readonly PageElement[];
	ancestors: readonly string[];
	/**
	 * The unit of sentences the run belongs to: a paragraph, heading or table cell, or the text a
	 * JSX flow element holds without a paragraph (`<Aside>text</Aside>`). Runs with the same number
	 * read as one; code blocks and attributes have none.
	 */
	block?: number;
	/** The URL of the link the run is in. */
	link?: string;
	/** For `attribute` text, the attribute's name. */
	attribute?: string;
	/** For an `element` run, the element. */
	element?: PageElement;
}

/** Something on a page that a static check cannot read; `detail` says how to write it. */
export interface PageProblem {
	line: number;
	detail: string;
	/** What kind of problem: the page does not parse, or a reference cannot be read (checks/). */
	code: 'invalid-mdx' | 'reference';
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
	/** Why the page could not be read: it does not parse (`code: 'invalid-mdx'`). */
	problems: readonly PageProblem[];
}

// What Starlight turns on for its pages (asides are directives); GFM and front matter are default.
const FEATURES = { directive: true } as const;

/** Nodes whose phrasing children make one unit of sentences. */
const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);
/** Children of a JSX flow element that are phrasing without a paragraph around them. */
const LOOSE = new Set(['text', 'inlineCode', 'mdxJsxTextElement']);

/** A unist point with its offset (Sätteri always gives one). */
const point = (
	at: { line: number; column: number; offset?: number | undefined } | undefined
): Point => ({
	line: at?.line ?? 1,
	column: at?.column ?? 1,
	offset: at?.offset ?? 0,
});

/**
 * Reads a page once, with the parser its extension gets when the site is built (`.mdx` as MDX,
 * anything else as Markdown, whose raw HTML is read with an HTML parser), and lists what it holds.
 */
export function readPage(path: string, source: string): Page {
	const mdx = path.endsWith('.mdx');
	let tree: Root;
	try {
		tree = (mdx ? mdxToMdast : markdownToMdast)(source, { features: FEATURES }) as Root;
	} catch (error) {
		const empty = { imports: [], esmStrings: [], elements: [], fences: [], text: [] };
		return { path, source, tree: undefined, ...empty, problems: [parseProblem(error)] };
	}
	return { path, source, tree, ...walk(tree, source), problems: [] };
}

/** The one walk of the tree: everything the manifest lists, in page order. */
function walk(tree: Root, source: string) {
	const imports: PageImport[] = [];
	const esmStrings: { value: string; line: number }[] = [];
	const elements: PageElement[] = [];
	const fences: Fence[] = [];
	const text: PageText[] = [];
	/** Each JSX node's element, for the runs inside it. */
	const elementOf = new Map<Nodes, PageElement>();
	/** A number for each block node, in the order blocks start. */
	const blockIds = new Map<Nodes, number>();

	visitParents(tree, (node: Nodes, parents: Nodes[]) => {
		const place = {
			start: point(node.position?.start),
			end: point(node.position?.end),
			within: parents.flatMap((parent) => elementOf.get(parent) ?? []),
			ancestors: parents
				.filter((parent) => parent.type !== 'root' && !isJsx(parent))
				.map(({ type }) => type),
			...context(node, parents, blockIds),
		};
		switch (node.type) {
			case 'mdxjsEsm': {
				const esm = readEsm(node.value, place.start.line);
				imports.push(...esm.imports);
				esmStrings.push(...esm.strings);
				return SKIP;
			}
			case 'mdxFlowExpression':
			case 'mdxTextExpression':
				// `{/* … */}` and `{expressions}`: JavaScript, not Markdown; nothing in them is rendered as is.
				return SKIP;
			case 'code': {
				// Markdown's indented code blocks are code too, but not fences (no language, no meta).
				if (['`', '~'].includes(source[place.start.offset] ?? '')) {
					const lang = node.lang ?? '';
					const meta = node.meta ?? '';
					const options = fenceOptions(meta);
					fences.push({
						lang,
						meta,
						options,
						code: node.value,
						line: place.start.line,
						start: place.start,
					});
				}
				const { block: _none, link: _code, ...run } = place;
				text.push({ kind: 'code', value: node.value, ...run });
				return SKIP;
			}
			case 'text':
			case 'inlineCode':
				text.push({
					kind: node.type === 'text' ? 'prose' : 'inlineCode',
					value: node.value,
					...place,
				});
				return SKIP;
			case 'break':
				text.push({ kind: 'break', value: ' ', ...place });
				return SKIP;
			case 'textDirective':
			case 'leafDirective':
				// Starlight claims only container directives (asides); it writes any other one back as
				// the text it was (`messages:send` holds a `:send` directive), so that is what it is.
				text.push({
					kind: 'prose',
					value: source.slice(place.start.offset, place.end.offset),
					...place,
				});
				return SKIP;
			case 'html':
				elements.push(...htmlElements(node.value, place.start, place.end));
				return SKIP;
			case 'mdxJsxFlowElement':
			case 'mdxJsxTextElement': {
				const element = jsxElement(imports, node, place.start, place.end);
				if (!element) return undefined;
				elements.push(element);
				elementOf.set(node, element);
				text.push({ kind: 'element', value: '', ...place, element });
				for (const [attribute, value] of element.attributes) {
					if (value.kind !== 'string') continue;
					const { block: _none, ...at } = place;
					text.push({
						kind: 'attribute',
						value: value.value,
						...at,
						within: [...place.within, element],
						attribute,
					});
				}
				return undefined;
			}
			default:
				return undefined;
		}
	});
	return { imports, esmStrings, elements, fences, text };
}

const isJsx = (node: Nodes) =>
	node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';

/** The block a node is in and the link around it, from its ancestors (nearest last). */
function context(
	node: Nodes,
	parents: readonly Nodes[],
	blockIds: Map<Nodes, number>
): { block?: number; link?: string } {
	const link = parents.findLast((parent) => parent.type === 'link');
	let block: Nodes | undefined;
	for (let index = parents.length - 1; index >= 0 && !block; index--) {
		const parent = parents[index] as Nodes;
		const child = parents[index + 1] ?? node;
		if (BLOCKS.has(parent.type)) block = parent;
		else if (parent.type === 'mdxJsxFlowElement' && LOOSE.has(child.type)) block = parent;
	}
	let id: number | undefined;
	if (block) {
		id = blockIds.get(block) ?? blockIds.size;
		blockIds.set(block, id);
	}
	return {
		...(id === undefined ? {} : { block: id }),
		...(link?.type === 'link' ? { link: link.url } : {}),
	};
}

// Sätteri's messages start with the place: "12:3: Unexpected character…".
function parseProblem(error: unknown): PageProblem {
	const message = error instanceof Error ? error.message : String(error);
	const [place = '', ...rest] = message.split(': ');
	const line = Number(place.split(':')[0]);
	return Number.isInteger(line) && line > 0 && rest.length > 0
		? { line, detail: `the page is not valid MDX: ${rest.join(': ')}`, code: 'invalid-mdx' }
		: { line: 1, detail: `the page is not valid MDX: ${message}`, code: 'invalid-mdx' };
}
