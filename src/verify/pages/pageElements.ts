/**
 * The elements of a page as `PageElement`s: JSX elements resolved through the page's imports, and
 * the HTML elements of a Markdown page's raw HTML, read with an HTML parser as they will render.
 */
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { htmlToHast, type HastNode } from 'satteri';
import type { AttributeValue, PageElement, PageImport, Point } from './readPage.ts';

/** A JSX element of an MDX page, its name resolved through the page's imports. */
export function jsxElement(
	imports: readonly PageImport[],
	node: MdxJsxFlowElement | MdxJsxTextElement,
	start: Point,
	end: Point
): PageElement | undefined {
	const { name } = node;
	if (name === null) return undefined; // a fragment: <>…</>
	const attributes = new Map<string, AttributeValue>();
	const repeated: string[] = [];
	let spread = false;
	for (const attribute of node.attributes) {
		if (attribute.type === 'mdxJsxExpressionAttribute') {
			spread = true;
			continue;
		}
		if (attributes.has(attribute.name)) repeated.push(attribute.name);
		const { value } = attribute;
		attributes.set(
			attribute.name,
			value === null || value === undefined
				? { kind: 'boolean' }
				: typeof value === 'string'
					? { kind: 'string', value }
					: { kind: 'expression', text: `{${value.value}}` }
		);
	}
	return { name, ...resolve(imports, name), attributes, repeated, spread, start, end };
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
export function htmlElements(html: string, start: Point, end: Point): PageElement[] {
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

/** Whether an element is the site component `<name>.astro` (`Example`, `Sample`). */
export function isComponent(element: PageElement, name: string): boolean {
	if (element.source === undefined) return element.name === name;
	return element.source.endsWith(`/${name}.astro`) && element.export === 'default';
}
