import { readFileSync, globSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { readReferences } from '../../../src/verify/checks/readReferences.ts';
import { isComponent } from '../../../src/verify/pages/pageElements.ts';
import { readPage } from '../../../src/verify/pages/readPage.ts';
import { collect, scenarios } from '../../../src/runner/scenarios/registry.ts';
import { scenarioKey, type Scenario } from '../../../src/runner/scenarios/Scenario.ts';
import { stepLabel } from '../../../src/runner/scenarios/stepLabel.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const pages = globSync('src/content/docs/**/*.mdx', { cwd: root }).sort();
const runnableOnPages = new Map<string, string[]>();
const unreadable: string[] = [];
for (const path of pages) {
	const page = readPage(path, readFileSync(`${root}/${path}`, 'utf8'));
	const { examples, problems } = readReferences(page);
	unreadable.push(
		...[...page.problems, ...problems].map(({ line, detail }) => `${path}:${line}: ${detail}`)
	);
	for (const { file, region } of examples.filter((example) => example.run)) {
		const key = scenarioKey(file, region);
		runnableOnPages.set(key, [...(runnableOnPages.get(key) ?? []), path]);
	}
	// The reference's sections each have a Try it panel (EndpointDetails.astro), keyed by endpoint.
	for (const element of page.elements.filter((e) => isComponent(e, 'EndpointDetails'))) {
		const id = element.attributes.get('id');
		if (id?.kind !== 'string') continue;
		const key = scenarioKey('reference/api.ts', id.value);
		runnableOnPages.set(key, [...(runnableOnPages.get(key) ?? []), path]);
	}
}

const REQUIRED = [
	'quick-start/issue-token-pair.ts#issue-token-pair',
	'quick-start/send-message.ts#send-message',
	'quick-start/refresh-token-pair.ts#refresh-token-pair',
	'quick-start/main.ts#main',
	'refresh/token-manager.ts#ensure-valid',
	'refresh/token-manager.ts#single-flight',
	'refresh/authorized-fetch.ts#authorized-fetch',
	'browser-apps/session-client.ts#login',
	'browser-apps/session-client.ts#fetch',
	'browser-apps/session-client.ts#refresh',
	'browser-apps/session-client.ts#logout',
];

describe('scenario registry', () => {
	test('the pages are found and some regions are runnable', () => {
		expect(pages).toContain('src/content/docs/start/quick-start.mdx');
		expect(unreadable).toEqual([]);
		expect([...runnableOnPages.keys()]).toEqual(expect.arrayContaining(REQUIRED));
	});

	test('every <Example … run /> on a page has a scenario', () => {
		const missing = [...runnableOnPages].filter(([key]) => !scenarios.has(key));
		expect(missing).toEqual([]);
	});

	test('every scenario is used by a page', () => {
		const unused = [...scenarios.keys()].filter((key) => !runnableOnPages.has(key));
		expect(unused).toEqual([]);
	});
});

describe.each([...scenarios.values()])('scenario $file#$region', (scenario) => {
	test('its first story starts with a plain Run', () => {
		expect(scenario.stories[0].steps[0]).toMatchObject({ action: 'run' });
	});

	test('every step presses a button the panel has', () => {
		for (const story of scenario.stories) {
			for (const step of story.steps) expect(() => stepLabel(scenario, step)).not.toThrow();
		}
	});

	test('every action has a documented outcome in some story', () => {
		const pressed = new Set(
			scenario.stories.flatMap((story) =>
				story.steps.flatMap((step) => ('action' in step ? [step.action] : []))
			)
		);
		expect(Object.keys(scenario.actions).filter((id) => !pressed.has(id))).toEqual([]);
	});
});

describe('collect', () => {
	const scenario = (file: string, region: string): Scenario => ({
		file,
		region,
		summary: '',
		state: () => ({}),
		actions: { run: { label: 'Run', run: async () => undefined } },
		stories: [{ says: '', steps: [] }],
	});

	test('refuses two scenarios for one region', () => {
		const one = scenario('a/b.ts', 'r');
		expect(() => collect({ './a/b.ts': [one, one] })).toThrow('two scenarios for a/b.ts#r');
	});

	test('refuses a scenario kept away from its example’s path', () => {
		expect(() => collect({ './a/c.ts': [scenario('a/b.ts', 'r')] })).toThrow('belongs in ./a/b.ts');
	});

	test('refuses a module without a scenarios export', () => {
		expect(() => collect({ './a/b.ts': undefined })).toThrow('does not export "scenarios"');
	});
});
