/**
 * The API reference and Troubleshooting pages are rendered from contract data; these checks make
 * sure the pages ask for all of it, so a new endpoint cannot be left out of the reference.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { ENDPOINTS } from '../../src/mock/contract/endpoints.ts';
import { isComponent } from '../../src/verify/pages/pageElements.ts';
import { readPage, type Page } from '../../src/verify/pages/readPage.ts';

const read = (path: string): Page => readPage(path, readFileSync(path, 'utf8'));
const reference = read('src/content/docs/reference/api.mdx');
const troubleshooting = read('src/content/docs/reference/troubleshooting.mdx');
const details = reference.elements.filter((element) => isComponent(element, 'EndpointDetails'));
const shown = details.map((element) => {
	const id = element.attributes.get('id');
	return id?.kind === 'string' ? id.value : `unreadable id at line ${element.start.line}`;
});

test('the API reference shows every endpoint of the contract exactly once', () => {
	expect([...shown].sort()).toEqual(ENDPOINTS.map((endpoint) => endpoint.id).sort());
});

test('each endpoint on the reference sits under its own heading', () => {
	const blocks = reference.tree?.children ?? [];
	for (const [index, element] of details.entries()) {
		const at = blocks.findIndex((block) => block.position?.start.offset === element.start.offset);
		const before = blocks[at - 1];
		expect(before?.type, shown[index]).toBe('heading');
		expect(before?.type === 'heading' && before.depth, shown[index]).toBeOneOf([2, 3]);
	}
});

test('the Troubleshooting page renders the catalogue table', () => {
	const tables = troubleshooting.elements.filter((element) =>
		isComponent(element, 'TroubleshootingTable')
	);
	expect(tables).toHaveLength(1);
});
