import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { astro, preview, type Preview } from '../../src/verify/astro.ts';
import { useBrowser, watchProblems, withContext } from './support/browser.ts';
import { observe, panel, press } from './support/runnerPanel.ts';

const CONFIG = 'tests/e2e/support/astro.base.config.mjs';
const browser = useBrowser();

// The site under `base: '/docs'`. Every link differs from the build at `/`, so it is built here,
// while the other files' tests run, rather than in the global setup that they all wait for.
let work: string | undefined;
let basedSite: Preview | undefined;
beforeAll(async () => {
	work = mkdtempSync(join(tmpdir(), 'tpd-e2e-docs-'));
	await astro(['build', '--config', CONFIG, '--outDir', work]);
	basedSite = await preview(['--config', CONFIG, '--outDir', work], '/docs/');
}, 180_000);
afterAll(async () => {
	await basedSite?.stop();
	if (work) rmSync(work, { recursive: true, force: true });
});

test('under base /docs the worker is served and scoped under the base, and Run works', async () => {
	if (!basedSite) throw new Error('the /docs build is not being served');
	const { origin } = basedSite;
	await withContext(browser(), 'light', async (context) => {
		const page = await context.newPage();
		const problems = watchProblems(page);
		await page.goto(`${origin}/docs/start/quick-start/`);
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
				scope: `${origin}/docs/`,
				script: `${origin}/docs/mockServiceWorker.js`,
			},
		]);
		expect(problems.list()).toEqual([]);
	});
});
