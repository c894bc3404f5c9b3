/**
 * The API reference and Troubleshooting pages are rendered from contract data; these checks make
 * sure the pages ask for all of it, so a new endpoint cannot be left out of the reference.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { ENDPOINTS } from '../../src/mock/contract/endpoints.ts';

const reference = readFileSync('src/content/docs/reference/api.mdx', 'utf8');
const troubleshooting = readFileSync('src/content/docs/reference/troubleshooting.mdx', 'utf8');
const shown = [...reference.matchAll(/<EndpointDetails id="([^"]+)" \/>/g)].map(
	(match) => match[1]
);

test('the API reference shows every endpoint of the contract exactly once', () => {
	expect([...shown].sort()).toEqual(ENDPOINTS.map((endpoint) => endpoint.id).sort());
});

test('each endpoint on the reference sits under its own heading', () => {
	for (const id of shown) {
		const before = reference
			.slice(0, reference.indexOf(`<EndpointDetails id="${id}" />`))
			.trimEnd();
		expect(before.split('\n').at(-1), id).toMatch(/^#{2,3} /);
	}
});

test('the Troubleshooting page renders the catalogue table', () => {
	expect(troubleshooting).toMatch(/^<TroubleshootingTable \/>$/m);
});
