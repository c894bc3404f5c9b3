/**
 * Finds endpoints a page names without linking them to the API reference: an inline code span
 * such as `POST /auth/login`, or `<Fact name="endpoint.login" />`, outside any link. A reader who
 * meets an endpoint in a guide should be one click from its complete entry.
 */
import type { Node, Parent } from 'mdast';
import { ENDPOINTS } from '../../mock/contract/endpoints.ts';
import type { Page } from '../pages/readPage.ts';

/** Where the entries live; the build's link validator checks the anchors. */
export const REFERENCE_PATH = '/reference/api/';

/** An endpoint named outside a link. */
export interface UnlinkedEndpoint {
	line: number;
	/** What the page wrote. */
	text: string;
	endpoint: string;
}

/** `POST /3rdparty/v1/service-tokens/:id/renew` written with any form of its parameters. */
const PATTERNS = ENDPOINTS.map((endpoint) => ({
	id: endpoint.id,
	pattern: new RegExp(
		`^${endpoint.method} ${endpoint.path
			.split('/')
			.map((part) =>
				part.startsWith(':') ? '[^/\\s]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
			)
			.join('/')}$`
	),
}));

function endpointOf(node: Node): { id: string; text: string } | undefined {
	if (node.type === 'inlineCode') {
		const text = (node as Node & { value: string }).value.trim();
		const found = PATTERNS.find(({ pattern }) => pattern.test(text));
		return found && { id: found.id, text };
	}
	if (node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') {
		const element = node as Node & {
			name: string | null;
			attributes: { type: string; name?: string; value?: unknown }[];
		};
		if (element.name !== 'Fact') return undefined;
		const name = element.attributes.find((attribute) => attribute.name === 'name')?.value;
		if (typeof name !== 'string' || !name.startsWith('endpoint.')) return undefined;
		const id = name.slice('endpoint.'.length);
		return ENDPOINTS.some((endpoint) => endpoint.id === id)
			? { id, text: `<Fact name="${name}" />` }
			: undefined;
	}
	return undefined;
}

/** Every endpoint the page names outside a link to the reference. The reference itself is exempt. */
export function findUnlinkedEndpoints(page: Page): UnlinkedEndpoint[] {
	const found: UnlinkedEndpoint[] = [];
	const visit = (node: Node, linked: boolean) => {
		const mention = endpointOf(node);
		if (mention && !linked) {
			found.push({
				line: node.position?.start.line ?? 0,
				text: mention.text,
				endpoint: mention.id,
			});
		}
		const url = node.type === 'link' ? (node as Node & { url: string }).url : undefined;
		const inside = linked || (url !== undefined && url.startsWith(REFERENCE_PATH));
		for (const child of (node as Parent).children ?? []) visit(child, inside);
	};
	if (page.tree) visit(page.tree, false);
	return found;
}
