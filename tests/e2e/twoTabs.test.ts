import type { BrowserContext, Locator, Page } from 'playwright-core';
import { expect, inject, test } from 'vitest';
import { SHARED_MOCK_NAME } from '../../src/mock/crossTab/SharedMock.ts';
import { type PageProblems, useBrowser, watchProblems, withContext } from './support/browser.ts';
import { observe, panel } from './support/runnerPanel.ts';

const site = inject('site');
const browser = useBrowser();
const JWT = /eyJ[\w-]{5,}/;
const PAGE = '/guides/browser-apps/';
const SEND = 'POST /3rdparty/v1/messages';
const REFRESH = 'POST /auth/refresh';
const NO_SESSION = [`${REFRESH} 401`];

const panelOf = (page: Page, region: string) =>
	panel(page, `browser-apps/session-client.ts#${region}`);
const actionButton = (page: Page, region: string, action: string) =>
	panelOf(page, region).locator(`button[data-action="${action}"]`);
/**
 * Presses an action of a region's panel (or another `button` of that panel, such as Reset) in
 * one tab, brought to the front as a reader would, and waits until that tab has handled it. The
 * wait polls on a timer: the shared `press` waits on animation frames, which a tab in the
 * background paints only now and then.
 */
async function pressIn(page: Page, region: string, action: string, button?: Locator) {
	await page.bringToFront();
	const before = await handled(page, region);
	await (button ?? actionButton(page, region, action)).click();
	try {
		await expect.poll(() => handled(page, region), { timeout: 30_000 }).toBeGreaterThan(before);
	} catch (error) {
		// What the panel shows tells a runner that never loaded from a run that never ended.
		const output = await panelOf(page, region)
			.locator('[data-runner-output]')
			.innerText()
			.catch((reason: unknown) => `(unreadable: ${String(reason)})`);
		throw new Error(
			`${region}: ${action} was not handled in ${page.url()}; the panel shows: ${output}`,
			{ cause: error }
		);
	}
}
const exchangesIn = async (page: Page, region: string) =>
	(await observe(panelOf(page, region))).exchanges;
const sessionLine = (page: Page) =>
	panelOf(page, 'login').locator('[data-runner-status]').textContent();
const clockLine = (page: Page) =>
	panelOf(page, 'fetch').locator('[data-runner-clock]').textContent();
const handled = async (page: Page, region: string) =>
	Number((await panelOf(page, region).getAttribute('data-runner-done')) ?? 0);

/** Two tabs of the page, as a reader opens them: each in a renderer process of its own. */
async function openTwoTabs(context: BrowserContext) {
	const tabs = [await context.newPage(), await context.newPage()] as const;
	const problems = tabs.map((tab) => watchProblems(tab, { mockApiErrors: true }));
	for (const tab of tabs) await tab.goto(`${site.origin}${PAGE}`);
	return { tabs, problems };
}

/** Nothing token-shaped in either tab, and nothing either tab complained about. */
async function expectClean(tabs: readonly Page[], problems: readonly PageProblems[]) {
	for (const tab of tabs) {
		expect(await tab.locator('body').innerText()).not.toMatch(JWT);
		expect(await tab.content()).not.toMatch(JWT);
	}
	expect(problems.flatMap((watcher) => watcher.list())).toEqual([]);
}

/**
 * Holds the shared mock's Web Lock from a page, so requests from every tab queue behind it;
 * resolves once it is held and returns the function that lets go.
 */
async function holdMockLock(page: Page): Promise<() => Promise<void>> {
	await page.evaluate(
		(name) =>
			new Promise<void>((held) => {
				void navigator.locks.request(name, () => {
					held();
					return new Promise<void>((release) => {
						Object.assign(window, { __releaseMockLock: release });
					});
				});
			}),
		SHARED_MOCK_NAME
	);
	return () =>
		page.evaluate(() =>
			(window as unknown as { __releaseMockLock: () => void }).__releaseMockLock()
		);
}

/** How many requests wait for the shared mock's lock, across every tab of the origin. */
const waitingForMock = (page: Page) =>
	page.evaluate(
		async (name) =>
			((await navigator.locks.query()).pending ?? []).filter((lock) => lock.name === name).length,
		SHARED_MOCK_NAME
	);

test('two tabs share one session: a silent refresh from the shared cookie, one clock, one logout', async () => {
	await withContext(browser(), 'light', async (context) => {
		const { tabs, problems } = await openTwoTabs(context);
		const [tabA, tabB] = tabs;
		expect(await sessionLine(tabB)).toBe('not logged in');

		// Tab A logs in: the refresh cookie lands in the browser's jar, which the tabs share.
		await pressIn(tabA, 'login', 'run');
		expect(await observe(panelOf(tabA, 'login'))).toMatchObject({
			ok: true,
			exchanges: ['POST /auth/login 200'],
		});
		expect(await sessionLine(tabA)).toMatch(/^logged in/);
		// Sharing works here, so no panel says this tab's mock is its own.
		expect(await tabA.locator('[data-runner-scope]:visible').count()).toBe(0);

		// Tab B has no access token: it gets one from the shared cookie, silently, and sends.
		await pressIn(tabB, 'fetch', 'run');
		expect(await observe(panelOf(tabB, 'fetch'))).toMatchObject({
			ok: true,
			exchanges: [`${REFRESH} 200`, `${SEND} 202`],
			result: expect.stringContaining('"status": 202'),
		});
		// The tabs name tokens in one sequence: tab B sent the refresh token tab A's login set.
		const shownByB = await panelOf(tabB, 'fetch').locator('[data-runner-output]').innerText();
		expect(shownByB).toMatch(/^Cookie: refresh_token=‹refresh token 1›$/m);
		expect(shownByB).toMatch(/^Authorization: Bearer ‹access token 2›$/m);
		expect(shownByB).not.toContain('‹unrecognised token›');
		expect(await sessionLine(tabB)).toMatch(/^logged in/);

		// Expiring in tab A moves the one clock: tab B's clock line follows without a press.
		await pressIn(tabA, 'fetch', 'expire');
		expect(await clockLine(tabA)).toMatch(/^\+15 min, /);
		await expect.poll(() => clockLine(tabB), { timeout: 10_000 }).toMatch(/^\+15 min, /);

		// Called in turn, only the first tab refreshes; the second got the new token from it,
		// broadcast before the first tab's retry was even sent.
		await pressIn(tabA, 'fetch', 'run');
		expect(await exchangesIn(tabA, 'fetch')).toEqual([
			`${SEND} 401`,
			`${REFRESH} 200`,
			`${SEND} 202`,
		]);
		// Tab A sent the token tab B got (and broadcast), and knows its name.
		const shownByA = await panelOf(tabA, 'fetch').locator('[data-runner-output]').innerText();
		expect(shownByA).toMatch(/^Authorization: Bearer ‹access token 2›$/m);
		expect(shownByA).toMatch(/^Cookie: refresh_token=‹refresh token 2›$/m);
		expect(shownByA).not.toContain('‹unrecognised token›');
		await pressIn(tabB, 'fetch', 'run');
		expect(await exchangesIn(tabB, 'fetch')).toEqual([`${SEND} 202`]);

		// Logging out in tab A logs tab B out too, and the cookie is gone for both.
		await pressIn(tabA, 'logout', 'run');
		expect(await exchangesIn(tabA, 'logout')).toEqual(['POST /auth/logout 204']);
		await expect.poll(() => sessionLine(tabB), { timeout: 10_000 }).toBe('logged out');
		expect(await sessionLine(tabA)).toBe('logged out');
		await pressIn(tabB, 'fetch', 'run');
		expect(await exchangesIn(tabB, 'fetch')).toEqual(NO_SESSION);

		await expectClean(tabs, problems);
	});
});

/** Opens `count` tabs of the page one after another, each a top-level page of its own process. */
async function openTabs(context: BrowserContext, count: number) {
	const tabs: Page[] = [];
	const problems: PageProblems[] = [];
	for (let index = 0; index < count; index += 1) {
		const tab = await context.newPage();
		problems.push(watchProblems(tab, { mockApiErrors: true }));
		await tab.goto(`${site.origin}${PAGE}`);
		tabs.push(tab);
	}
	return { tabs, problems };
}

const TABS = 3;
const ROUNDS = 3;
const OPENINGS = 2;

// Every tab is opened on its own (not from another tab), so each runs in a renderer process of its
// own, where another tab's writes to localStorage arrive late. The client counts refreshes in
// IndexedDB inside the Web Lock instead, which every process reads alike: a tab that takes the
// lock after another refreshed waits for that tab's token rather than refreshing again.
test(`${TABS} tabs opened separately, all expired at once, send exactly one refresh between them, ${OPENINGS * ROUNDS} times over`, async () => {
	for (let opening = 0; opening < OPENINGS; opening += 1) {
		await withContext(browser(), 'light', async (context) => {
			const { tabs, problems } = await openTabs(context, TABS);
			const [first] = tabs as [Page, ...Page[]];
			await pressIn(first, 'login', 'run');
			// A tab's session client starts with its first press: each of the others gets its
			// first access token from the shared cookie, one silent refresh each.
			for (const tab of tabs.slice(1)) {
				await pressIn(tab, 'fetch', 'run');
				expect(await exchangesIn(tab, 'fetch')).toEqual([`${REFRESH} 200`, `${SEND} 202`]);
			}
			for (let round = 1; round <= ROUNDS; round += 1) {
				await pressIn(first, 'fetch', 'expire');
				for (const tab of tabs) {
					await expect
						.poll(() => clockLine(tab), { timeout: 10_000 })
						.toMatch(new RegExp(`^\\+${15 * round} min, `));
				}
				// Holding the mock's lock lines every call up before any is answered.
				const release = await holdMockLock(first);
				const before = await Promise.all(tabs.map((tab) => handled(tab, 'fetch')));
				await Promise.all(tabs.map((tab) => actionButton(tab, 'fetch', 'run').click()));
				await expect.poll(() => waitingForMock(first), { timeout: 15_000 }).toBe(TABS);
				await release();
				await expect
					.poll(() => Promise.all(tabs.map((tab) => handled(tab, 'fetch'))), { timeout: 30_000 })
					.toEqual(before.map((count) => count + 1));

				const outcomes = await Promise.all(tabs.map((tab) => observe(panelOf(tab, 'fetch'))));
				for (const outcome of outcomes) {
					expect(outcome.ok).toBe(true);
					expect(outcome.result).toContain('"status": 202');
					expect(outcome.exchanges[0]).toBe(`${SEND} 401`);
					expect(outcome.exchanges.at(-1)).toBe(`${SEND} 202`);
				}
				const refreshes = outcomes
					.flatMap((outcome) => outcome.exchanges)
					.filter((line) => line.startsWith(REFRESH));
				expect(refreshes, `opening ${opening + 1}, round ${round}`).toEqual([`${REFRESH} 200`]);
			}
			await expectClean(tabs, problems);
		});
	}
});

test('a Reset in one tab starts both tabs over, cookie included', async () => {
	await withContext(browser(), 'light', async (context) => {
		const { tabs, problems } = await openTwoTabs(context);
		const [tabA, tabB] = tabs;
		await pressIn(tabA, 'login', 'run');
		await pressIn(tabB, 'refresh', 'run');
		expect(await exchangesIn(tabB, 'refresh')).toEqual([`${REFRESH} 200`]);
		await pressIn(tabB, 'fetch', 'expire');

		const reset = panelOf(tabA, 'fetch').getByRole('button', { name: 'Reset', exact: true });
		await pressIn(tabA, 'fetch', 'Reset', reset);
		await expect.poll(() => clockLine(tabB), { timeout: 10_000 }).toBe('real time');
		await expect.poll(() => sessionLine(tabB), { timeout: 10_000 }).toBe('not logged in');
		expect(await panelOf(tabB, 'refresh').locator('[data-runner-output]').innerText()).toContain(
			'Another tab pressed Reset'
		);
		await pressIn(tabB, 'refresh', 'run');
		expect(await exchangesIn(tabB, 'refresh')).toEqual([`${REFRESH} 401`]);

		await expectClean(tabs, problems);
	});
});

test('without Web Locks each tab keeps its own mock, and the panels say so', async () => {
	await withContext(browser(), 'light', async (context) => {
		await context.addInitScript(() => {
			Reflect.deleteProperty(Navigator.prototype, 'locks');
		});
		const { tabs, problems } = await openTwoTabs(context);
		const [tabA, tabB] = tabs;
		expect(await tabA.evaluate(() => 'locks' in navigator)).toBe(false);
		await pressIn(tabA, 'login', 'run');
		const note = panelOf(tabA, 'fetch').locator('[data-runner-scope]');
		expect(await note.isVisible()).toBe(true);
		expect(await note.textContent()).toBe(
			'This tab uses a mock of its own, which your other tabs do not see: this browser has no Web Locks.'
		);
		// The tab's own session works, cookie included; the other tab knows nothing of it.
		await pressIn(tabA, 'refresh', 'run');
		expect(await exchangesIn(tabA, 'refresh')).toEqual([`${REFRESH} 200`]);
		await pressIn(tabB, 'refresh', 'run');
		expect(await exchangesIn(tabB, 'refresh')).toEqual([`${REFRESH} 401`]);
		await expectClean(tabs, problems);
	});
});
