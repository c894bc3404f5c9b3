import type { Browser, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { COLOUR_RULES, seriousViolations } from './axe.ts';
import { watchProblems, withContext } from './browser.ts';
import { panel, panelKeys, press } from './runnerPanel.ts';

/** The guides: the longest pages, checked in a test file of their own so the two run side by side. */
export const isGuide = (path: string) => path.startsWith('/guides/');

/**
 * Every check of a built page, for each of `paths` on `origin`: each resource it references is
 * served; in both themes, no console error, no failed request, no serious axe violation, with
 * its Run panels empty and filled.
 */
export function describePages(origin: string, paths: readonly string[], browser: () => Browser) {
	describe.each(paths)('page %s', (path) => {
		// Chromium fetches some resources (the favicon) lazily, so the console watcher can miss a 404;
		// this asks for each one. Only the markup is read, so nothing else loads and no script runs.
		test('every icon, stylesheet and script it references is served', async () => {
			await withContext(
				browser(),
				'light',
				async (context) => {
					const page = await context.newPage();
					await page.route('**/*', (route) =>
						route.request().isNavigationRequest() ? route.continue() : route.abort()
					);
					await page.goto(`${origin}${path}`, { waitUntil: 'domcontentloaded' });
					const urls = await page
						.locator('link[rel~="icon"][href], link[rel="stylesheet"][href], script[src]')
						.evaluateAll((elements) =>
							elements.map((element) =>
								element instanceof HTMLScriptElement
									? element.src
									: (element as HTMLLinkElement).href
							)
						);
					expect(urls.length).toBeGreaterThan(0);
					const statuses = await Promise.all(
						urls.map(async (url) => `${(await page.request.get(url)).status()} ${url}`)
					);
					expect(statuses.filter((line) => !line.startsWith('200 '))).toEqual([]);
				},
				{ javaScriptEnabled: false }
			);
		});

		// One load for both themes: the reader's switch of colour scheme (which Starlight follows when
		// its theme is on auto) restyles the same DOM, so each combination of theme and panel state
		// is analysed without loading the page and running its panels twice. A page loaded in the
		// dark theme from the start is themes.test.ts's.
		test('in both themes, its Run panels empty and filled: no console error, no failed request, no serious axe violation', async () => {
			await withContext(browser(), 'light', async (context) => {
				const page = await context.newPage();
				const problems = watchProblems(page);
				await page.goto(`${origin}${path}`);
				expect(await page.locator('html').getAttribute('data-theme')).toBe('light');
				expect(await seriousViolations(page)).toEqual([]);
				await switchScheme(page, 'dark');
				expect(await seriousViolations(page, { rules: COLOUR_RULES })).toEqual([]);

				// Filled panels are checked too: open every panel's output with a run. A run changes
				// nothing outside the panels, so the panels are all that needs a second look.
				const keys = [...new Set(await panelKeys(page))];
				for (const key of keys) {
					const target = panel(page, key);
					await press(target, target.locator('button[data-action="run"]'));
				}
				if (keys.length > 0) {
					const include = '[data-runner]';
					expect(await seriousViolations(page, { include, rules: COLOUR_RULES })).toEqual([]);
					await switchScheme(page, 'light');
					expect(await seriousViolations(page, { include })).toEqual([]);
				}
				expect(problems.list()).toEqual([]);
			});
		});
	});
}

/** Switches the reader's colour scheme and waits until Starlight has restyled the page for it. */
async function switchScheme(page: Page, colorScheme: 'light' | 'dark') {
	await page.emulateMedia({ colorScheme });
	await page.waitForFunction(
		(scheme) => document.documentElement.dataset['theme'] === scheme,
		colorScheme,
		{ timeout: 10_000 }
	);
}
