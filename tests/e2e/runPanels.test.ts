import { describe, expect, inject, test } from 'vitest';
import { outcomeProblems } from '../../src/runner/scenarios/outcomeProblems.ts';
import { scenarios } from '../../src/runner/scenarios/registry.ts';
import { stepLabel } from '../../src/runner/scenarios/stepLabel.ts';
import { useBrowser, watchProblems, withContext } from './support/browser.ts';
import { observe, panel, panelKeys, press, stepButton } from './support/runnerPanel.ts';
import { pageMarkup, sitePages } from './support/sitePages.ts';

const site = inject('site');
const browser = useBrowser();
const JWT = /eyJ[\w-]{5,}/;

// Which pages have panels is read from the build, so a panel the registry test missed is still run.
// RunPanel.astro renders each panel with its `data-runner` attribute into the page's markup, so a
// page whose markup has none has no panel to run and is read rather than loaded.
const pages = sitePages(site.dist, site.base, 'https://token-pair-docs.example');
const markup = new Map(pages.map((path) => [path, pageMarkup(site.dist, site.base, path)]));
const withPanels = pages.filter((path) => markup.get(path)?.includes('data-runner='));

test('the pages with Run panels are found in the build', () => {
	expect(withPanels).toEqual(
		expect.arrayContaining(['/start/quick-start/', '/guides/refresh-and-rotation/'])
	);
	expect(withPanels.length).toBeLessThan(pages.length);
});

test.each(pages.filter((path) => !withPanels.includes(path)))(
	'page %s has no Run panel and nothing token-shaped in its markup',
	(path) => {
		expect(markup.get(path)).not.toMatch(JWT);
	}
);

describe.each(withPanels)('page %s', (path) => {
	test('every Run panel shows what each of its stories documents', async () => {
		await withContext(browser(), 'light', async (context) => {
			const page = await context.newPage();
			const problems = watchProblems(page, { mockApiErrors: true });
			await page.goto(`${site.origin}${path}`);
			const keys = await panelKeys(page);
			// The panels with a run whose outcome was compared with its story: every panel needs one
			// (a Try it panel of the reference has one story of one run, a guide's panel has more).
			const checked = new Set<string>();
			for (const key of new Set(keys)) {
				const scenario = scenarios.get(key);
				expect(scenario, `a scenario for the panel ${key}`).toBeDefined();
				if (!scenario) continue;
				const target = panel(page, key);
				for (const [index, story] of scenario.stories.entries()) {
					await press(target, target.getByRole('button', { name: 'Reset', exact: true }));
					for (const [stepIndex, step] of story.steps.entries()) {
						await press(target, stepButton(target, step, stepLabel(scenario, step)));
						if (!('action' in step)) continue;
						const where = `${key}, story ${index + 1}, step ${stepIndex + 1}`;
						expect(outcomeProblems(step.expect, await observe(target)), where).toEqual([]);
						checked.add(key);
					}
				}
			}
			// Nothing token-shaped anywhere in the page, visible or not, after all those runs.
			expect(await page.locator('body').innerText()).not.toMatch(JWT);
			expect(await page.content()).not.toMatch(JWT);
			expect(problems.list()).toEqual([]);
			expect(keys.filter((key) => !checked.has(key))).toEqual([]);
		});
	});
});

describe('run panels', () => {
	test('the quick start and the refresh guide have the required ones', async () => {
		await withContext(browser(), 'light', async (context) => {
			const page = await context.newPage();
			await page.goto(`${site.origin}/start/quick-start/`);
			expect(await panelKeys(page)).toEqual([
				'quick-start/issue-token-pair.ts#issue-token-pair',
				'quick-start/send-message.ts#send-message',
				'quick-start/refresh-token-pair.ts#refresh-token-pair',
				'quick-start/main.ts#main',
			]);
			await page.goto(`${site.origin}/guides/refresh-and-rotation/`);
			expect(await panelKeys(page)).toEqual(
				expect.arrayContaining([
					'refresh/token-manager.ts#ensure-valid',
					'refresh/token-manager.ts#single-flight',
					'refresh/authorized-fetch.ts#authorized-fetch',
				])
			);
		});
	});

	test('panels share one mock and one clock: a spent token from one panel is spent in all', async () => {
		await withContext(browser(), 'light', async (context) => {
			const page = await context.newPage();
			await page.goto(`${site.origin}/start/quick-start/`);
			const send = panel(page, 'quick-start/send-message.ts#send-message');
			const main = panel(page, 'quick-start/main.ts#main');
			await press(send, send.locator('button[data-action="run"]'));
			await press(main, main.getByRole('button', { name: '+15 min', exact: true }));
			for (const status of await page.locator('[data-runner-clock]').allTextContents()) {
				expect(status).toMatch(/^\+15 min, \d{4}-\d\d-\d\d \d\d:\d\d UTC$/);
			}
			await press(send, send.locator('button[data-action="run"]'));
			expect((await observe(send)).exchanges).toEqual(['POST /3rdparty/v1/messages 401']);
		});
	});
});
