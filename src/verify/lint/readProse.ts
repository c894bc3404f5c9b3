/**
 * The prose of a page as a reader sees it, grouped into the units sentences live in: one
 * {@link ProseBlock} per paragraph, heading, table cell, visible attribute or front matter field,
 * made of text and code-span pieces with their place in the source. It is a filter over the text
 * runs of the page model (src/verify/pages/readPage.ts), which knows each run's block; TPD004
 * needs them joined into sentences. Fences, imports, expressions and `{/* comments *\/}` are not
 * prose and are left out.
 */
import { parse as parseYaml } from 'yaml';
import type { Page, PageElement, PageText } from '../pages/readPage.ts';

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

/** Attributes whose string value a reader sees as text. */
const VISIBLE_ATTRIBUTES = new Set(['title', 'label', 'description', 'alt', 'caption']);

/** A component's string attributes (other values read as ''). */
function attributesOf(element: PageElement): Record<string, string> {
	return Object.fromEntries(
		[...element.attributes].map(([name, value]) => [
			name,
			value.kind === 'string' ? value.value : '',
		])
	);
}

/** The `because` of the innermost `<NotAFact>` around a run, if any. */
function notAFactOf(run: PageText): string | undefined {
	const marker = run.within.findLast((element) => element.name === 'NotAFact');
	return marker && (attributesOf(marker)['because'] ?? '');
}

/** The pieces of a text run, one per source line, so each knows its own line. */
function textPieces(run: PageText, code: boolean): ProsePiece[] {
	const { line, column } = run.start;
	const notAFact = notAFactOf(run);
	// A code span's position includes its backticks; its value does not.
	const offset = code ? 1 : 0;
	return run.value.split('\n').map((text, index) => ({
		text: index === 0 ? text : ` ${text}`,
		code,
		line: line + index,
		column: index === 0 ? column + offset : 1,
		...(notAFact === undefined ? {} : { notAFact }),
	}));
}

/** What a run of a block adds to its sentences. */
function piecesOf(run: PageText): ProsePiece[] {
	const at = { line: run.start.line, column: run.start.column };
	switch (run.kind) {
		case 'prose':
			return textPieces(run, false);
		case 'inlineCode':
			return textPieces(run, true);
		case 'break':
			return [{ text: ' ', code: false, ...at }];
		case 'element': {
			if (run.element?.name !== 'Fact') return [];
			// An endpoint's name stands in for its words: the checker reads `‹endpoint.login›` as
			// the sentence's subject. Other facts' names would read as words of the sentence.
			const name = attributesOf(run.element)['name'] ?? '';
			return [{ text: name.startsWith('endpoint.') ? `‹${name}›` : '‹fact›', code: false, ...at }];
		}
		default:
			return [];
	}
}

/**
 * Reads the prose of a page the page model has read (its lines are the body, after the front
 * matter) and of its front matter, whose lines markdownlint keeps apart. Front matter lines are
 * counted from the file's first line, body lines from the body's.
 */
export function readProse(page: Page, frontMatterLines: readonly string[] = []): PageProse {
	const blocks: ProseBlock[] = [...frontMatter(frontMatterLines)];
	const components: ProseComponent[] = [];
	const body = new Map<number, ProsePiece[]>();
	for (const run of page.text) {
		// A `<Fact>` renders its own words: nothing inside it is the page's prose.
		if (run.within.some((element) => element.name === 'Fact')) continue;
		if (run.kind === 'element' && run.element) {
			const { name } = run.element;
			components.push({ name, attributes: attributesOf(run.element), line: run.start.line });
		}
		if (run.kind === 'attribute') {
			if (!VISIBLE_ATTRIBUTES.has(run.attribute ?? '') || run.value === '') continue;
			const { line, column } = run.start;
			blocks.push({ where: 'attribute', pieces: [{ text: run.value, code: false, line, column }] });
			continue;
		}
		if (run.block === undefined) continue;
		body.set(run.block, [...(body.get(run.block) ?? []), ...piecesOf(run)]);
	}
	for (const pieces of body.values()) if (pieces.length > 0) blocks.push({ where: 'body', pieces });
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
