/**
 * Finds endpoints a page names without linking them to the API reference: an inline code span
 * such as `POST /auth/login`, or `<Fact name="endpoint.login" />`, outside any link. A reader who
 * meets an endpoint in a guide should be one click from its complete entry.
 */
import { ENDPOINTS } from '../../mock/contract/endpoints.ts';
import type { Page, PageText } from '../pages/readPage.ts';

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

/** The endpoint a run of the page names: a code span, or `<Fact name="endpoint.…" />`. */
function endpointOf(run: PageText): { id: string; text: string } | undefined {
	if (run.kind === 'inlineCode') {
		const text = run.value.trim();
		const found = PATTERNS.find(({ pattern }) => pattern.test(text));
		return found && { id: found.id, text };
	}
	if (run.kind !== 'element' || run.element?.name !== 'Fact') return undefined;
	const name = run.element.attributes.get('name');
	if (name?.kind !== 'string' || !name.value.startsWith('endpoint.')) return undefined;
	const id = name.value.slice('endpoint.'.length);
	return ENDPOINTS.some((endpoint) => endpoint.id === id)
		? { id, text: `<Fact name="${name.value}" />` }
		: undefined;
}

/** Every endpoint the page names outside a link to the reference. The reference itself is exempt. */
export function findUnlinkedEndpoints(page: Page): UnlinkedEndpoint[] {
	return page.text.flatMap((run) => {
		const mention = endpointOf(run);
		if (!mention || run.link?.startsWith(REFERENCE_PATH)) return [];
		return [{ line: run.start.line, text: mention.text, endpoint: mention.id }];
	});
}
