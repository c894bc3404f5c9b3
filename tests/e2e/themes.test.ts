import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, inject, test } from 'vitest';
import { useBrowser, watchProblems, withContext } from './support/browser.ts';
import { panel, press } from './support/runnerPanel.ts';

const site = inject('site');
const browser = useBrowser();
// Set E2E_SCREENSHOTS=<dir> to keep a picture of a filled panel in each theme.
const screenshots = process.env['E2E_SCREENSHOTS'];

// Loaded in each scheme from the start: the one place that loads a page in the dark theme (the
// page checks switch the scheme of a page loaded in the light one).
test('the panel takes its colours from the Starlight theme, and a dark load is clean', async () => {
	const colours: Record<string, string[]> = {};
	for (const scheme of ['light', 'dark'] as const) {
		await withContext(browser(), scheme, async (context) => {
			const page = await context.newPage();
			const problems = watchProblems(page);
			await page.goto(`${site.origin}/start/quick-start/`);
			expect(await page.locator('html').getAttribute('data-theme')).toBe(scheme);
			const target = panel(page, 'quick-start/send-message.ts#send-message');
			await press(target, target.locator('button[data-action="run"]'));
			colours[scheme] = await target.evaluate((element) => {
				const style = (selector: string) => getComputedStyle(element.querySelector(selector)!);
				const theme = getComputedStyle(document.documentElement);
				return [
					getComputedStyle(element).backgroundColor,
					getComputedStyle(element).color,
					style('[data-runner-output]').backgroundColor,
					theme.getPropertyValue('--sl-color-black').trim(),
				];
			});
			if (screenshots) {
				mkdirSync(screenshots, { recursive: true });
				await target.screenshot({ path: join(screenshots, `run-panel-${scheme}.png`) });
			}
			expect(problems.list()).toEqual([]);
		});
	}
	const [light, dark] = [colours['light'] ?? [], colours['dark'] ?? []];
	expect(light).toHaveLength(4);
	// Panel background, text and output background all change with the theme.
	for (let i = 0; i < 3; i++) expect(light[i]).not.toBe(dark[i]);
});
