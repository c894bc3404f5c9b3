import { expect, inject, test } from 'vitest';
import { useBrowser, watchProblems, withContext } from './support/browser.ts';
import { observe, panel, press } from './support/runnerPanel.ts';

const basedSite = inject('basedSite');
const browser = useBrowser();

test('under base /docs the worker is served and scoped under the base, and Run works', async () => {
	await withContext(browser(), 'light', async (context) => {
		const page = await context.newPage();
		const problems = watchProblems(page);
		await page.goto(`${basedSite.origin}/docs/start/quick-start/`);
		const target = panel(page, 'quick-start/main.ts#main');
		await press(target, target.locator('button[data-action="run"]'));
		expect(await observe(target)).toMatchObject({
			ok: true,
			exchanges: [
				'POST /3rdparty/v1/auth/token 201',
				'POST /3rdparty/v1/messages 202',
				'POST /3rdparty/v1/auth/token/refresh 201',
			],
		});
		const registrations = await page.evaluate(async () =>
			(await navigator.serviceWorker.getRegistrations()).map((registration) => ({
				scope: registration.scope,
				script: registration.active?.scriptURL,
			}))
		);
		expect(registrations).toEqual([
			{
				scope: `${basedSite.origin}/docs/`,
				script: `${basedSite.origin}/docs/mockServiceWorker.js`,
			},
		]);
		expect(problems.list()).toEqual([]);
	});
});
