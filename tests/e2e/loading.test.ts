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

test('running grows the output downward only: nothing above or beside the panel moves', async () => {
	await withContext(browser(), 'light', async (context) => {
		const page = await context.newPage();
		const problems = watchProblems(page, { mockApiErrors: true });
		await page.goto(`${site.origin}/guides/refresh-and-rotation/`);
		const target = panel(page, 'refresh/authorized-fetch.ts#authorized-fetch');
		// The heading and the code the panel runs, above it; the next section's heading, below.
		const above = [
			page.locator('h2', { hasText: 'What to do when a token is refused' }),
			page.locator('.expressive-code', { hasText: 'tokens.invalidate(accessToken)' }),
		];
		const below = page.locator('h2', { hasText: 'Reuse detection' });
		await target.scrollIntoViewIfNeeded();
		// Document coordinates: clicking may scroll the page, which is not a layout shift.
		const box = (locator: typeof target) =>
			locator.evaluate((element) => {
				const rect = element.getBoundingClientRect();
				return { x: rect.x + scrollX, y: rect.y + scrollY, width: rect.width, height: rect.height };
			});
		const panelBefore = await box(target);
		const aboveBefore = await Promise.all(above.map(box));
		const belowBefore = await box(below);
		// Every layout shift from now on, by where the elements it moved lie: before the panel in
		// the page, in the panel, or after it. (Not `buffered`: how Starlight's own layout settles
		// while the page loads is not the panel's doing.)
		await page.evaluate(() => customElements.whenDefined('run-panel'));
		await target.evaluate((panelElement) => {
			const moved: { where: 'before' | 'panel' | 'after'; what: string }[] = [];
			new PerformanceObserver((list) => {
				for (const entry of list.getEntries()) {
					const shift = entry as unknown as { sources?: { node?: Node | null }[] };
					for (const { node } of shift.sources ?? []) {
						if (!node) continue;
						const what = node instanceof Element ? node.outerHTML.slice(0, 80) : node.nodeName;
						const where =
							node === panelElement || panelElement.contains(node)
								? 'panel'
								: panelElement.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING
									? 'after'
									: 'before';
						moved.push({ where, what });
					}
				}
			}).observe({ type: 'layout-shift' });
			Object.assign(window, { __moved: moved });
		});
		const moved = async (...where: string[]) =>
			(
				await page.evaluate(
					() => (window as unknown as { __moved: { where: string; what: string }[] }).__moved
				)
			).filter((shift) => where.includes(shift.where));
		// Collapsed, before any press, the panel neither moves nor moves anything above it.
		expect(await box(target)).toEqual(panelBefore);
		expect(await moved('before', 'panel')).toEqual([]);

		await press(target, target.locator('button[data-action="revoke"]'));
		await press(target, target.getByRole('button', { name: '+15 min', exact: true }));
		await press(target, target.locator('button[data-action="run"]'));
		const panelAfter = await box(target);
		// The panel keeps its place and width, and grows at its bottom edge (issue 21: outputs start
		// collapsed and grow after a run, and the HTTP exchange is not hidden in a fixed-height box).
		expect({ ...panelAfter, height: panelBefore.height }).toEqual(panelBefore);
		const grown = panelAfter.height - panelBefore.height;
		expect(grown).toBeGreaterThan(0);
		expect(await Promise.all(above.map(box))).toEqual(aboveBefore);
		// What follows moves down by exactly that growth, and not sideways.
		expect(await box(below)).toEqual({ ...belowBefore, y: belowBefore.y + grown });
		expect(await moved('before')).toEqual([]);
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
