import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { assertPublishable } from '../../src/verify/samples/redactBody.ts';
import { findDriftedSamples, recordSamples } from '../../src/verify/samples/recordSamples.ts';
import {
	EXAMPLE_VALUES,
	substitutePlaceholders,
} from '../../src/verify/samples/substitutePlaceholders.ts';
import { readReferences } from '../../src/verify/checks/readReferences.ts';
import { readPage } from '../../src/verify/pages/readPage.ts';
import { SampleFile } from '../../src/site/samples/resolveSample.ts';
import { SAMPLE_RECIPES } from '../../src/verify/samples/sampleRecipes.ts';
import { SAMPLE_SCHEMAS } from '../../src/verify/samples/sampleSchemas.ts';
import { ENDPOINTS } from '../../src/mock/contract/endpoints.ts';
import { readPages, ROOT } from './readPages.ts';

const DIRECTORY = `${ROOT}src/samples/`;
const committed = new Map(
	readdirSync(DIRECTORY)
		.filter((file) => file.endsWith('.json'))
		.map((file) => [file.slice(0, -'.json'.length), readFileSync(`${DIRECTORY}${file}`, 'utf8')])
);

describe('recorded samples (src/samples/)', () => {
	test('match a fresh recording from the mock (else: npm run samples:record)', async () => {
		const drifted = findDriftedSamples(committed, await recordSamples());
		expect(
			drifted.map((name) => `src/samples/${name}.json`),
			'samples drifted from the mock: run `npm run samples:record` and review the diff'
		).toEqual([]);
	}, 60_000);

	test('cover the status classes the pages discuss, and the token and JWKS bodies', () => {
		const statuses = [...committed.values()].map(
			(text) => SampleFile.parse(JSON.parse(text)).status
		);
		for (const status of [200, 201, 202, 400, 401, 403]) expect(statuses).toContain(status);
		expect([...committed.keys()]).toEqual(
			expect.arrayContaining(['token-pair', 'jwks', 'message'])
		);
	});

	test.each([...committed])('%s.json validates against the schema it names', (_name, text) => {
		const sample = SampleFile.parse(JSON.parse(text));
		const schema = SAMPLE_SCHEMAS.get(sample.schema);
		expect(schema, `unknown schema ${sample.schema}`).toBeDefined();
		const body: unknown = JSON.parse(
			substitutePlaceholders(JSON.stringify(sample.body), EXAMPLE_VALUES).text
		);
		expect(schema?.safeParse(body).error?.issues ?? []).toEqual([]);
		// It names a real endpoint and one of its statuses.
		const contract = ENDPOINTS.find((candidate) => candidate.id === sample.endpoint);
		expect(contract).toMatchObject({ method: sample.method, path: sample.path });
	});

	test.each([...committed])('%s.json is publishable: no JWT, no key, no secret', (name, text) => {
		expect(() => assertPublishable(name, text)).not.toThrow();
		expect(text).not.toMatch(/eyJ/);
	});
});

describe('<Sample> on the pages', () => {
	test('every <Sample name="…"> names a recorded sample', () => {
		const problems = readPages().flatMap(({ path, source }) => {
			const page = readPage(path, source);
			const { samples, problems: unreadable } = readReferences(page);
			return [
				...[...page.problems, ...unreadable].map(
					({ line, detail }) => `${path}:${line}: ${detail}`
				),
				...samples
					.filter((reference) => !committed.has(reference.name))
					.map(({ line, name }) => `${path}:${line}: no sample src/samples/${name}.json`),
			];
		});
		expect(problems).toEqual([]);
	});
});

describe('the recorder', () => {
	test('has one recipe per sample name, no duplicates', () => {
		const names = SAMPLE_RECIPES.map((recipe) => recipe.name);
		expect(new Set(names).size).toBe(names.length);
	});

	test('refuses a recipe whose output still varies between recordings', async () => {
		const random = {
			name: 'random',
			endpoint: 'getJwks' as const,
			status: 200,
			run: async () => Response.json({ keys: [], nonce: crypto.randomUUID() }),
		};
		await expect(recordSamples([random])).rejects.toThrow(/differs between two recordings/);
	});

	test('refuses a recipe that gets another status than it expects', async () => {
		const wrong = { ...random401, status: 201 };
		await expect(recordSamples([wrong])).rejects.toThrow(/expected 201, got 401/);
	});
});

const random401 = {
	name: 'unauthorized',
	endpoint: 'sendMessage' as const,
	status: 401,
	run: (c: { call: (m: string, p: string) => Promise<Response> }) =>
		c.call('POST', '/3rdparty/v1/messages'),
};
