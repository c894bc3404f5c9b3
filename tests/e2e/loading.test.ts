import { expect, inject, test } from 'vitest';
import { useBrowser, watchProblems, withContext } from './support/browser.ts';
import { panel, press } from './support/runnerPanel.ts';

const site = inject('site');
const browser = useBrowser();

test('nothing of the runner loads, and no worker registers, until a panel is used', async () => {
	await withContext(browser(), 'light', async (context) => {
		const page = await context.newPage();
		const requested: string[] = [];
		page.on('request', (request) => requested.push(new URL(request.url()).pathname));
		await page.goto(`${site.origin}/start/quick-start/`, { waitUntil: 'networkidle' });
		expect(requested.filter((path) => /activate|mockServiceWorker/.test(path))).toEqual([]);
		expect(
			await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)
		).toBe(0);

		const target = panel(page, 'quick-start/main.ts#main');
		await press(target, target.locator('button[data-action="run"]'));
		expect(requested.some((path) => /\/_astro\/activate\.[\w-]+\.js$/.test(path))).toBe(true);
		expect(await target.locator('[data-runner-output]').getAttribute('data-outcome')).toBe('ok');
	});
});

test('a page without Run panels has no runner script at all', async () => {
	await withContext(browser(), 'light', async (context) => {
		const page = await context.newPage();
		await page.goto(`${site.origin}/help/faq/`);
		const scripts = await page
			.locator('script[src]')
			.evaluateAll((elements) => elements.map((element) => element.getAttribute('src') ?? ''));
		expect(scripts.length).toBeGreaterThan(0);
		expect(scripts.filter((src) => /RunPanel|activate/.test(src))).toEqual([]);
		expect(await page.locator('[data-runner]').count()).toBe(0);
	});
});

test('running fills the output without moving anything on the page', async () => {
	await withContext(browser(), 'light', async (context) => {
		const page = await context.newPage();
		const problems = watchProblems(page, { mockApiErrors: true });
		await page.goto(`${site.origin}/guides/refresh-and-rotation/`);
		const target = panel(page, 'refresh/authorized-fetch.ts#authorized-fetch');
		const below = page.locator('h2', { hasText: 'Reuse detection' });
		await target.scrollIntoViewIfNeeded();
		// Document coordinates: clicking may scroll the page, which is not a layout shift.
		const box = (locator: typeof target) =>
			locator.evaluate((element) => {
				const rect = element.getBoundingClientRect();
				return { x: rect.x + scrollX, y: rect.y + scrollY, width: rect.width, height: rect.height };
			});
		const panelBefore = await box(target);
		const belowBefore = await box(below);
		await page.evaluate(() => {
			const shifts: number[] = [];
			new PerformanceObserver((list) => {
				for (const entry of list.getEntries())
					shifts.push((entry as unknown as { value: number }).value);
			}).observe({ type: 'layout-shift' });
			Object.assign(window, { __shifts: shifts });
		});
		await press(target, target.locator('button[data-action="revoke"]'));
		await press(target, target.getByRole('button', { name: '+15 min', exact: true }));
		await press(target, target.locator('button[data-action="run"]'));
		expect(await box(target)).toEqual(panelBefore);
		expect(await box(below)).toEqual(belowBefore);
		const shifts = await page.evaluate(
			() => (window as unknown as { __shifts: number[] }).__shifts
		);
		expect(shifts.reduce((sum, value) => sum + value, 0)).toBe(0);
		expect(problems.list()).toEqual([]);
	});
});

test('every control is a labelled button reachable with the keyboard, and Enter runs', async () => {
	await withContext(browser(), 'light', async (context) => {
		const page = await context.newPage();
		await page.goto(`${site.origin}/start/quick-start/`);
		const target = panel(page, 'quick-start/issue-token-pair.ts#issue-token-pair');
		const names = await target.getByRole('button').allTextContents();
		expect(names.map((name) => name.trim())).toEqual([
			'Run',
			'+1 min',
			'+14 min',
			'+15 min',
			'+30 days',
			'Reset',
		]);
		const output = target.getByRole('region', { name: 'Output of issue-token-pair' });
		expect(await output.getAttribute('aria-live')).toBe('polite');

		await page.locator('body').press('Tab');
		for (let i = 0; i < 200; i++) {
			const focused = await page.evaluate(
				() => document.activeElement?.closest('[data-runner]')?.getAttribute('data-runner') ?? ''
			);
			if (focused === 'quick-start/issue-token-pair.ts#issue-token-pair') break;
			await page.keyboard.press('Tab');
		}
		expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Run');
		const before = Number((await target.getAttribute('data-runner-done')) ?? 0);
		await page.keyboard.press('Enter');
		// The first press loads the runner and starts the mock: as long as `press` allows, not the
		// poll's 1 s default, which a busy machine exceeds.
		await expect
			.poll(async () => Number((await target.getAttribute('data-runner-done')) ?? 0), {
				timeout: 30_000,
			})
			.toBeGreaterThan(before);
		expect(await output.getAttribute('data-outcome')).toBe('ok');
		expect(await output.innerText()).toContain('201 Created');
	});
});
