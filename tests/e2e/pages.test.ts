import { AxeBuilder } from '@axe-core/playwright';
import { describe, expect, inject, test } from 'vitest';
import { useBrowser, watchProblems, withContext } from './support/browser.ts';
import { panel, panelKeys, press } from './support/runnerPanel.ts';
import { sitePages } from './support/sitePages.ts';

const site = inject('site');
const browser = useBrowser();
const pages = sitePages(site.dist, site.base, 'https://token-pair-docs.example');

async function seriousViolations(page: import('playwright-core').Page) {
	const { violations } = await new AxeBuilder({ page }).analyze();
	return violations
		.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
		.map((violation) => ({
			id: violation.id,
			impact: violation.impact,
			nodes: violation.nodes.map((node) => node.target.join(' ')),
		}));
}

test('the build has the pages the docs link to', () => {
	expect(pages).toEqual(
		expect.arrayContaining(['/', '/start/quick-start/', '/guides/refresh-and-rotation/'])
	);
});

describe.each(pages)('page %s', (path) => {
	// Chromium fetches some resources (the favicon) lazily, so the console watcher can miss a 404;
	// this asks for each one.
	test('every icon, stylesheet and script it references is served', async () => {
		await withContext(browser(), 'light', async (context) => {
			const page = await context.newPage();
			await page.goto(`${site.origin}${path}`);
			const urls = await page
				.locator('link[rel~="icon"][href], link[rel="stylesheet"][href], script[src]')
				.evaluateAll((elements) =>
					elements.map((element) =>
						element instanceof HTMLScriptElement ? element.src : (element as HTMLLinkElement).href
					)
				);
			expect(urls.length).toBeGreaterThan(0);
			const statuses = await Promise.all(
				urls.map(async (url) => `${(await page.request.get(url)).status()} ${url}`)
			);
			expect(statuses.filter((line) => !line.startsWith('200 '))).toEqual([]);
		});
	});

	test.each(['light', 'dark'] as const)(
		'in the %s theme: no console error, no failed request, no serious axe violation',
		async (colorScheme) => {
			await withContext(browser(), colorScheme, async (context) => {
				const page = await context.newPage();
				const problems = watchProblems(page);
				await page.goto(`${site.origin}${path}`);
				expect(await page.locator('html').getAttribute('data-theme')).toBe(colorScheme);
				expect(await seriousViolations(page)).toEqual([]);

				// Filled panels are checked too: open every panel's output with a run.
				const keys = [...new Set(await panelKeys(page))];
				for (const key of keys) {
					const target = panel(page, key);
					await press(target, target.locator('button[data-action="run"]'));
				}
				if (keys.length > 0) expect(await seriousViolations(page)).toEqual([]);
				expect(problems.list()).toEqual([]);
			});
		}
	);
});
