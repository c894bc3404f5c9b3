/**
 * The prose of a page as a reader sees it, grouped into the units sentences live in: one
 * {@link ProseBlock} per paragraph, heading, table cell, visible attribute or front matter field,
 * made of text and code-span pieces with their place in the source. It walks the syntax tree of
 * the page model (src/verify/pages/readPage.ts, the parser Astro renders with), which lists text
 * runs one by one; TPD004 needs them joined into sentences. Fences, imports, expressions and
 * `{/* comments *\/}` are not prose and are left out.
 */
import { parse as parseYaml } from 'yaml';
import type { Page } from '../pages/readPage.ts';

/** A run of prose: text, or the content of a code span. */
export interface ProsePiece {
	text: string;
	code: boolean;
	/** 1-based line and column of the piece's first character in the whole file. */
	line: number;
	column: number;
	/** The `because` of the `<NotAFact>` around it, if any. */
	notAFact?: string;
}

/** A paragraph, heading, table cell, attribute or front matter field: the unit sentences live in. */
export interface ProseBlock {
	pieces: readonly ProsePiece[];
	/** Front matter and attributes cannot hold components. */
	where: 'body' | 'front matter' | 'attribute';
}

/** A component in prose, such as `<Fact>`: where it is and its string attributes. */
export interface ProseComponent {
	name: string;
	attributes: Readonly<Record<string, string>>;
	line: number;
}

/** What TPD004 reads from a page. */
export interface PageProse {
	blocks: readonly ProseBlock[];
	components: readonly ProseComponent[];
}

type Node = {
	type: string;
	value?: string;
	name?: string | null;
	children?: Node[];
	attributes?: { type: string; name?: string; value?: unknown }[];
	position?: { start: { line: number; column: number; offset?: number } };
};

/** Blocks whose children are phrasing content: each is one unit of sentences. */
const PHRASING_PARENTS = new Set(['paragraph', 'heading', 'tableCell']);
/** Not prose: code, ESM, expressions (comments included), raw HTML, front matter (read apart). */
const SKIPPED = new Set([
	'code',
	'mdxjsEsm',
	'mdxFlowExpression',
	'mdxTextExpression',
	'html',
	'yaml',
]);
/** Attributes whose string value a reader sees as text. */
const VISIBLE_ATTRIBUTES = new Set(['title', 'label', 'description', 'alt', 'caption']);
const NOT_A_FACT = 'NotAFact';

function attributesOf(node: Node): Record<string, string> {
	const attributes: Record<string, string> = {};
	for (const attribute of node.attributes ?? []) {
		if (attribute.type === 'mdxJsxAttribute' && attribute.name) {
			attributes[attribute.name] = typeof attribute.value === 'string' ? attribute.value : '';
		}
	}
	return attributes;
}

/**
 * Reads the prose of a page the page model has read (its lines are the body, after the front
 * matter) and of its front matter, whose lines markdownlint keeps apart. Front matter lines are
 * counted from the file's first line, body lines from the body's.
 */
export function readProse(page: Page, frontMatterLines: readonly string[] = []): PageProse {
	const tree = page.tree as unknown as Node | undefined;
	const blocks: ProseBlock[] = [...frontMatter(frontMatterLines)];
	if (!tree) return { blocks, components: [] };
	const components: ProseComponent[] = [];

	const startOf = (node: Node) => node.position?.start ?? { line: 1, column: 1 };

	/** Text pieces of a text node, one per source line, so each knows its own line. */
	function textPieces(node: Node, code: boolean, notAFact: string | undefined): ProsePiece[] {
		const { line, column } = startOf(node);
		// A code span's position includes its backticks; its value does not.
		const offset = code ? 1 : 0;
		return (node.value ?? '').split('\n').map((text, index) => ({
			text: index === 0 ? text : ` ${text}`,
			code,
			line: line + index,
			column: index === 0 ? column + offset : 1,
			...(notAFact === undefined ? {} : { notAFact }),
		}));
	}

	function phrasing(node: Node, out: ProsePiece[], notAFact: string | undefined): void {
		if (SKIPPED.has(node.type)) return;
		if (node.type === 'text') out.push(...textPieces(node, false, notAFact));
		else if (node.type === 'inlineCode') out.push(...textPieces(node, true, notAFact));
		else if (node.type === 'break') out.push({ text: ' ', code: false, ...startOf(node) });
		else if (node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') {
			const jsx = element(node, notAFact);
			// An endpoint's name stands in for its words: the checker reads `‹endpoint.login›` as
			// the sentence's subject. Other facts' names would read as words of the sentence.
			if (jsx.fact) {
				const name = jsx.attributes['name'] ?? '';
				const text = name.startsWith('endpoint.') ? `‹${name}›` : '‹fact›';
				out.push({ text, code: false, ...startOf(node) });
			}
			for (const child of jsx.children) phrasing(child, out, jsx.notAFact);
		} else for (const child of node.children ?? []) phrasing(child, out, notAFact);
	}

	/** Records a component and its visible attributes; says how to read its children. */
	function element(node: Node, notAFact: string | undefined) {
		const name = node.name ?? '';
		const attributes = attributesOf(node);
		const { line } = startOf(node);
		if (name) components.push({ name, attributes, line });
		for (const [key, value] of Object.entries(attributes)) {
			if (!VISIBLE_ATTRIBUTES.has(key) || value === '') continue;
			blocks.push({
				where: 'attribute',
				pieces: [{ text: value, code: false, line, column: startOf(node).column }],
			});
		}
		return {
			attributes,
			fact: name === 'Fact',
			children: name === 'Fact' ? [] : (node.children ?? []),
			notAFact: name === NOT_A_FACT ? (attributes['because'] ?? '') : notAFact,
		};
	}

	function flow(node: Node, notAFact: string | undefined): void {
		if (SKIPPED.has(node.type)) return;
		if (PHRASING_PARENTS.has(node.type)) {
			const pieces: ProsePiece[] = [];
			for (const child of node.children ?? []) phrasing(child, pieces, notAFact);
			if (pieces.length > 0) blocks.push({ where: 'body', pieces });
			return;
		}
		if (node.type === 'mdxJsxFlowElement') {
			const jsx = element(node, notAFact);
			// A flow element's text children (`<Aside>text</Aside>` on one line) are phrasing.
			const loose: ProsePiece[] = [];
			for (const child of jsx.children) {
				if (
					child.type === 'text' ||
					child.type === 'inlineCode' ||
					child.type.startsWith('mdxJsxText')
				) {
					phrasing(child, loose, jsx.notAFact);
				} else flow(child, jsx.notAFact);
			}
			if (loose.length > 0) blocks.push({ where: 'body', pieces: loose });
			return;
		}
		for (const child of node.children ?? []) flow(child, notAFact);
	}

	for (const child of tree.children ?? []) flow(child, undefined);
	return { blocks, components };
}

/** The front matter fields a reader sees: `title` and `description`, each on its own line. */
function frontMatter(frontMatterLines: readonly string[]): ProseBlock[] {
	// markdownlint keeps the `---` fences in the front matter lines.
	const lines = frontMatterLines.map((line) => (line.trim() === '---' ? '' : line));
	let data: unknown;
	try {
		data = parseYaml(lines.join('\n'));
	} catch {
		return [];
	}
	if (typeof data !== 'object' || data === null) return [];
	const firstLine = 1;
	const blocks: ProseBlock[] = [];
	for (const key of ['title', 'description'] as const) {
		const value = (data as Record<string, unknown>)[key];
		if (typeof value !== 'string') continue;
		const index = lines.findIndex((line) => line.startsWith(`${key}:`));
		blocks.push({
			where: 'front matter',
			pieces: [{ text: value, code: false, line: firstLine + Math.max(index, 0), column: 1 }],
		});
	}
	return blocks;
}
