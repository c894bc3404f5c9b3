import { getResponse } from 'msw';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { createMockApi } from '../../../src/mock/createMockApi.ts';
import {
	type SharedChange,
	type SharedExtra,
	SharedMock,
} from '../../../src/mock/crossTab/SharedMock.ts';
import { useFakeDate } from '../../support/fakeDate.ts';
import { createFakeLocks } from '../../support/fakeLocks.ts';
import { basic, bearer } from '../../support/http.ts';
import { createMemoryStore } from '../../support/memoryStore.ts';
import { DEMO } from '../../support/useMockApi.ts';
import { testClock } from '../../support/testClock.ts';

// The tabs' cookie jar (tough-cookie) expires cookies on `Date`: the test's time, like the mock's.
useFakeDate();

const ORIGIN = 'https://docs.token-pair.test';

let browsers = 0;
const cleanup: (() => void)[] = [];
afterEach(() => {
	for (const close of cleanup.splice(0)) close();
});

interface SendOptions {
	json?: unknown;
	authorization?: string;
	csrf?: boolean;
	credentials?: RequestCredentials;
}

/**
 * One browser profile: the origin's Web Locks and storage, shared by the tabs it opens. Each
 * tab has its own mock instance, its own SharedMock and its own end of the BroadcastChannel.
 */
function createBrowser(options: { webLocks?: boolean } = {}) {
	const locks = createFakeLocks();
	const store = createMemoryStore();
	const name = `test-shared-mock-${++browsers}`;

	function openTab(tabOptions: { channel?: boolean; extra?: SharedExtra } = {}) {
		const api = createMockApi({ clock: testClock() });
		const channel = (tabOptions.channel ?? true) ? new BroadcastChannel(name) : undefined;
		const shared = new SharedMock({
			api,
			origin: ORIGIN,
			locks: (options.webLocks ?? true) ? locks : undefined,
			store,
			channel,
			name,
			extra: tabOptions.extra,
		});
		cleanup.push(() => shared.close());
		const changes: SharedChange[] = [];
		shared.subscribe((change) => changes.push(change));

		/** A request from this tab's page, answered by this tab's handlers. */
		async function send(method: string, path: string, init: SendOptions = {}) {
			const headers = new Headers();
			if (init.authorization) headers.set('Authorization', init.authorization);
			if (init.csrf) headers.set('X-CSRF', '1');
			if (init.json !== undefined) headers.set('Content-Type', 'application/json');
			const request = new Request(`${ORIGIN}${path}`, {
				method,
				headers,
				credentials: init.credentials ?? 'include',
				...(init.json === undefined ? {} : { body: JSON.stringify(init.json) }),
			});
			const response = await getResponse(shared.handlers, request);
			if (!response) throw new Error(`nothing answered ${method} ${path}`);
			const text = await response.text();
			return {
				status: response.status,
				headers: response.headers,
				body: text ? JSON.parse(text) : null,
			};
		}
		const login = () => send('POST', '/auth/login', { json: DEMO });
		const refresh = (init: SendOptions = {}) =>
			send('POST', '/auth/refresh', { csrf: true, ...init });
		return { api, shared, changes, send, login, refresh };
	}
	return { locks, store, name, openTab };
}

const issue = (tab: ReturnType<ReturnType<typeof createBrowser>['openTab']>) =>
	tab.send('POST', '/3rdparty/v1/auth/token', {
		authorization: basic(),
		json: { scopes: ['messages:send'] },
	});

describe('SharedMock across two tabs', () => {
	test('a login in one tab is a session in the other: same cookie, same key, same records', async () => {
		const browser = createBrowser();
		const first = browser.openTab();
		const second = browser.openTab();
		expect((await first.login()).status).toBe(200);

		const refreshed = await second.refresh();
		expect(refreshed.status).toBe(200);
		const message = await second.send('POST', '/3rdparty/v1/messages', {
			authorization: bearer(refreshed.body.access_token),
			json: { phoneNumbers: ['+15555550100'], textMessage: { text: 'hi' } },
		});
		expect(message.status).toBe(202);
		// The second tab's exchange log shows the cookie it sent, which it never saw being set.
		const [sent] = second.api.log.entries();
		expect(sent?.request.headers['cookie']).toMatch(/^refresh_token=eyJ/);
		expect(first.shared.shared && second.shared.shared).toBe(true);
	});

	test('the page’s extra state travels with the mock’s', async () => {
		const browser = createBrowser();
		const kept = (initial: number) => {
			const extra = { value: initial, restored: [] as unknown[] };
			return Object.assign(extra, {
				snapshot: () => ({ value: extra.value }),
				restore(value: unknown) {
					extra.restored.push(value);
					extra.value = (value as { value?: number } | undefined)?.value ?? -1;
				},
			});
		};
		const firstExtra = kept(0);
		const secondExtra = kept(0);
		const first = browser.openTab({ extra: firstExtra });
		const second = browser.openTab({ extra: secondExtra });
		firstExtra.value = 7;
		await first.login();
		await second.refresh();
		expect(secondExtra.restored).toEqual([{ value: 7 }]);
		// A tab without extra state saves none; the others restore `undefined` and decide.
		const plain = browser.openTab();
		await plain.refresh();
		await second.refresh();
		expect(secondExtra.restored.at(-1)).toBeUndefined();
	});

	test('the page never gets Set-Cookie, but the exchange log shows it', async () => {
		const tab = createBrowser().openTab();
		const login = await tab.login();
		expect(login.headers.getSetCookie()).toEqual([]);
		expect(login.headers.get('content-type')).toBe('application/json');
		const [logged] = tab.api.log.entries();
		expect(logged?.response.headers['set-cookie']).toMatch(/^refresh_token=eyJ.*; HttpOnly/);
	});

	test('a rotation in one tab spends the token for both; the cookie follows the rotation', async () => {
		const browser = createBrowser();
		const first = browser.openTab();
		const second = browser.openTab();
		const pair = (await issue(first)).body;
		expect(
			(
				await first.send('POST', '/3rdparty/v1/auth/token/refresh', {
					authorization: bearer(pair.refresh_token),
				})
			).status
		).toBe(201);
		expect(
			(
				await second.send('POST', '/3rdparty/v1/auth/token/refresh', {
					authorization: bearer(pair.refresh_token),
				})
			).status
		).toBe(401);

		await first.login();
		expect((await first.refresh()).status).toBe(200);
		expect((await second.refresh()).status).toBe(200);
		expect((await first.refresh()).status).toBe(200);
	});

	test('concurrent requests of two tabs take turns: one spends a refresh token, the other is refused', async () => {
		const browser = createBrowser();
		const first = browser.openTab();
		const second = browser.openTab();
		const pair = (await issue(first)).body;
		const spend = (tab: typeof first) =>
			tab.send('POST', '/3rdparty/v1/auth/token/refresh', {
				authorization: bearer(pair.refresh_token),
			});
		const statuses = (await Promise.all([spend(first), spend(second), spend(first), spend(second)]))
			.map((result) => result.status)
			.sort();
		expect(statuses).toEqual([201, 401, 401, 401]);
		expect(browser.locks.maxConcurrent(browser.name)).toBe(1);
	});

	test('two tabs refreshing at once both send the cookie they hold: the second is reuse, as in a browser', async () => {
		const browser = createBrowser();
		const first = browser.openTab();
		const second = browser.openTab();
		await first.login();
		const [a, b] = await Promise.all([first.refresh(), second.refresh()]);
		expect([a.status, b.status].sort()).toEqual([200, 401]);
		// Reuse on the session surface revoked the whole login, the winner's new cookie included.
		expect((await first.refresh()).status).toBe(401);
	});

	test('a clock move reaches the other tab, which hears of it', async () => {
		const browser = createBrowser();
		const first = browser.openTab();
		const second = browser.openTab();
		await first.login();
		await second.shared.sync();
		await first.shared.exclusive(async () => first.api.clock.advance(900), 'clock');
		await vi.waitFor(() => expect(second.changes).toEqual([{ type: 'remote', reset: false }]));
		expect(second.api.clock.offsetSeconds).toBe(900);
		expect(first.changes).toEqual([]);
	});

	test('a tab that missed the message catches up on sync, and on its next request', async () => {
		const browser = createBrowser();
		const first = browser.openTab();
		const deaf = browser.openTab({ channel: false });
		await first.login();
		await first.shared.exclusive(async () => first.api.clock.advance(60), 'clock');
		expect(deaf.api.clock.offsetSeconds).toBe(0);
		await deaf.shared.sync();
		expect(deaf.api.clock.offsetSeconds).toBe(60);
		await first.shared.exclusive(async () => first.api.clock.advance(60), 'clock');
		await deaf.send('GET', '/3rdparty/v1/auth/jwks');
		expect(deaf.api.clock.offsetSeconds).toBe(120);
	});

	test('a reset in one tab resets the mock and the cookies for every tab', async () => {
		const browser = createBrowser();
		const first = browser.openTab();
		const second = browser.openTab();
		await first.login();
		await second.shared.sync(); // a tab hears the others once its runner has started
		await first.shared.exclusive(async () => {
			first.api.clock.advance(60);
			first.api.reset();
		}, 'reset');
		await vi.waitFor(() => expect(second.changes).toEqual([{ type: 'remote', reset: true }]));
		const refused = await second.refresh();
		expect(refused.status).toBe(401);
		expect(second.api.log.entries()[0]?.request.headers['cookie']).toBeUndefined();
		expect((await second.api.snapshot()).tokens.records).toEqual([]);
	});

	test('requests the mock does not answer pass through, without a lock or a save', async () => {
		const browser = createBrowser();
		const tab = browser.openTab();
		for (const path of ['/guides/browser-apps/', '/_astro/activate.js', '/docs/auth/login']) {
			expect(
				await getResponse(tab.shared.handlers, new Request(`${ORIGIN}${path}`))
			).toBeUndefined();
		}
		expect(browser.locks.requests(browser.name)).toBe(0);
		expect(browser.store.value).toBeNull();
	});

	test('credentials: omit sends no cookie and keeps none', async () => {
		const tab = createBrowser().openTab();
		await tab.send('POST', '/auth/login', { json: DEMO, credentials: 'omit' });
		expect((await tab.refresh()).status).toBe(401);
		await tab.login();
		expect((await tab.refresh({ credentials: 'omit' })).status).toBe(401);
		expect((await tab.refresh()).status).toBe(200);
	});

	test('same-origin requests carry the cookie; other origins’ do not', async () => {
		const tab = createBrowser().openTab();
		await tab.login();
		expect((await tab.refresh({ credentials: 'same-origin' })).status).toBe(200);
		const elsewhere = new Request('https://elsewhere.test/auth/refresh', {
			method: 'POST',
			headers: { 'X-CSRF': '1' },
			credentials: 'same-origin',
		});
		expect((await getResponse(tab.shared.handlers, elsewhere))?.status).toBe(401);
	});

	test('the stored state dies with the last tab that used it: a later tab starts fresh', async () => {
		const browser = createBrowser();
		const first = browser.openTab();
		await first.login();
		const second = browser.openTab();
		expect((await second.refresh()).status).toBe(200);
		first.shared.close();
		second.shared.close();

		const later = browser.openTab();
		expect((await later.refresh()).status).toBe(401);
		expect(later.api.log.entries()[0]?.request.headers['cookie']).toBeUndefined();
	});

	test('an unreadable stored state (another version of the site) is replaced, not fatal', async () => {
		const browser = createBrowser();
		const first = browser.openTab();
		await first.login();
		await browser.store.write('{"format":1,"rev":"x","mock":{"format":99},"cookies":{}}');
		expect((await first.refresh()).status).toBe(200);
		const second = browser.openTab();
		expect((await second.refresh()).status).toBe(200);
	});

	test('when saving fails, the tab carries on with a mock of its own and says why', async () => {
		const browser = createBrowser();
		const tab = browser.openTab();
		browser.store.failWrites = new DOMException('full', 'QuotaExceededError');
		expect((await tab.login()).status).toBe(200);
		expect(tab.shared.shared).toBe(false);
		expect(tab.changes).toEqual([{ type: 'unshared', reason: expect.stringContaining('full') }]);
		expect((await tab.refresh()).status).toBe(200);
	});
});

describe('SharedMock without Web Locks', () => {
	test('each tab keeps its own mock and its own cookies, and says why', async () => {
		const browser = createBrowser({ webLocks: false });
		const first = browser.openTab();
		const second = browser.openTab();
		expect(first.shared.shared).toBe(false);
		expect(first.shared.unsharedReason).toBe('this browser has no Web Locks');
		await first.login();
		expect((await first.refresh()).status).toBe(200);
		expect((await second.refresh()).status).toBe(401);
		expect(browser.store.value).toBeNull();
		await first.shared.exclusive(async () => first.api.clock.advance(60), 'clock');
		expect(second.api.clock.offsetSeconds).toBe(0);
	});

	test('without a store, too', () => {
		const shared = new SharedMock({
			api: createMockApi({ clock: testClock() }),
			origin: ORIGIN,
			locks: createFakeLocks(),
		});
		expect(shared.unsharedReason).toBe('this page cannot store data');
	});
});
