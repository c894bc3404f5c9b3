import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { behaviour } from '../../support/behaviour.ts';
import {
	refreshCount,
	SessionClient,
	type SessionClientOptions,
} from '../../../examples/browser-apps/session-client.ts';
import { createBrowser } from '../../support/browserTab.ts';
import { createFakeLocks } from '../../support/fakeLocks.ts';
import { exchangesTo } from '../../support/exchanges.ts';
import { recordingFetch } from '../../support/readAnswers.ts';
import { BASE_URL, DEMO, useMockApi } from '../../support/useMockApi.ts';

const api = useMockApi();

let clients: SessionClient[] = [];
let channelName = '';
let test_ = 0;
beforeEach(() => {
	channelName = `session-test-${++test_}`;
});
afterEach(() => {
	for (const client of clients) client.dispose();
	clients = [];
});

/** A tab of `browser`: its own SessionClient and BroadcastChannel, the browser's cookies and locks. */
function openTab(
	browser: ReturnType<typeof createBrowser>,
	onLoggedOut = vi.fn(),
	options: SessionClientOptions = {}
) {
	const client = new SessionClient({
		baseUrl: BASE_URL,
		fetch: browser.fetch,
		indexedDB: browser.indexedDB,
		channel: new BroadcastChannel(channelName),
		onLoggedOut,
		...options,
	});
	clients.push(client);
	return { client, onLoggedOut };
}
const send = (client: SessionClient) =>
	client.fetch('/3rdparty/v1/messages', {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ phoneNumbers: ['+15555550100'], textMessage: { text: 'hi' } }),
	});
const refreshes = () => exchangesTo(api.log.entries(), '/auth/refresh');
/** Waits until BroadcastChannel messages have arrived, i.e. until `condition` holds. */
const deliver = (condition: () => boolean = () => true) =>
	vi.waitFor(() => expect(condition()).toBe(true), { timeout: 2_000, interval: 5 });

describe('SessionClient', () => {
	test('login keeps the access token in memory; the refresh cookie is HttpOnly and invisible to scripts', async () => {
		const browser = createBrowser();
		const { client } = openTab(browser);
		const storage = vi.fn();
		vi.stubGlobal('localStorage', { setItem: storage });
		vi.stubGlobal('sessionStorage', { setItem: storage });
		try {
			await client.login(DEMO.username, DEMO.password);
		} finally {
			vi.unstubAllGlobals();
		}
		expect(client.loggedIn).toBe(true);
		expect(storage).not.toHaveBeenCalled();
		expect((await send(client)).status).toBe(202);
		expect(await browser.scriptVisibleCookies(`${BASE_URL}/auth/refresh`)).toEqual([]);
		const [cookie] = await browser.cookies(`${BASE_URL}/auth/refresh`);
		expect(cookie).toMatchObject({
			key: 'refresh_token',
			httpOnly: true,
			secure: true,
			path: '/auth',
			sameSite: 'strict',
		});
		// The cookie goes to the auth endpoints only, never with API calls.
		expect(await browser.cookies(`${BASE_URL}/3rdparty/v1/messages`)).toEqual([]);
	});

	test('wrong credentials: login rejects and nothing is kept', async () => {
		const { client } = openTab(createBrowser());
		await expect(client.login(DEMO.username, 'wrong')).rejects.toThrow(/401/);
		expect(client.loggedIn).toBe(false);
	});

	test('a 401 from the API: silent refresh with the cookie and X-CSRF, then one retry', async () => {
		const { client } = openTab(createBrowser());
		await client.login(DEMO.username, DEMO.password);
		api.clock.advance(900); // the server has expired the access token
		const response = await send(client);
		expect(response.status).toBe(202);
		expect(refreshes()).toHaveLength(1);
		expect(refreshes()[0]?.request.headers['x-csrf']).toBe('1');
		expect(refreshes()[0]?.request.headers['cookie']).toMatch(/^refresh_token=/);
	});

	behaviour('session.401', async () => {
		const { client } = openTab(createBrowser());
		await client.login(DEMO.username, DEMO.password);
		let attempts = 0;
		api.server.use(
			http.post('*/3rdparty/v1/messages', () => {
				attempts += 1;
				return HttpResponse.json({ message: 'Unauthorized', code: 401 }, { status: 401 });
			})
		);
		expect((await send(client)).status).toBe(401);
		expect(attempts).toBe(2);
		expect(refreshes()).toHaveLength(1);
	});

	test('refreshes ahead of expiry on its own, 30 s before expires_in runs out', async () => {
		vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
		try {
			const { client } = openTab(createBrowser());
			await client.login(DEMO.username, DEMO.password);
			await vi.advanceTimersByTimeAsync(869_000);
			expect(refreshes()).toHaveLength(0);
			await vi.advanceTimersByTimeAsync(1_000);
			await vi.waitFor(() => expect(refreshes()).toHaveLength(1), { interval: 5 });
			expect(refreshes()[0]?.response.status).toBe(200);
		} finally {
			vi.useRealTimers();
		}
	});

	test('a tab opened after login gets its token from the cookie, silently', async () => {
		const browser = createBrowser();
		const first = openTab(browser).client;
		await first.login(DEMO.username, DEMO.password);
		const { client: later } = openTab(browser);
		expect(later.loggedIn).toBe(false);
		expect((await send(later)).status).toBe(202);
		expect(later.loggedIn).toBe(true);
		expect(refreshes()).toHaveLength(1);
		// The first tab got the new token too, and its old one still works until it expires.
		await deliver(() => first.loggedIn);
		expect((await send(first)).status).toBe(202);
		expect(refreshes()).toHaveLength(1);
	});

	describe('several tabs', () => {
		behaviour('session.tabs', async () => {
			const browser = createBrowser();
			const tabs = [openTab(browser), openTab(browser), openTab(browser)].map((tab) => tab.client);
			await tabs[0]!.login(DEMO.username, DEMO.password);
			await deliver(() => tabs.every((tab) => tab.loggedIn));
			api.clock.advance(900);
			const results = await Promise.all(tabs.flatMap((tab) => [send(tab), send(tab)]));
			expect(results.map((result) => result.status)).toEqual(Array(6).fill(202));
			expect(refreshes()).toHaveLength(1);
			// Tabs share a count through IndexedDB, never a token: the login and one refresh.
			expect(await refreshCount(browser.indexedDB).read()).toBe(2);
			expect(browser.storage.dump()).toBe('');
		});

		test('a waiting tab that has not heard of the other refresh yet waits for its token: one refresh, not two', async () => {
			const browser = createBrowser();
			const { client: first } = openTab(browser);
			// A tab in another process: the other tab's messages reach it only when let through.
			const late = lateChannel();
			const { client: slow } = openTab(browser, vi.fn(), { channel: late.channel });
			await first.login(DEMO.username, DEMO.password);
			api.clock.advance(900);
			const both = Promise.all([first.refresh(), slow.refresh()]);
			// The refresh is done and broadcast; the slow tab holds the lock, knows from the count
			// that a refresh happened, and waits for its token instead of refreshing.
			await vi.waitFor(() => expect(late.held()).toBe(2), { interval: 5 });
			await vi.waitFor(() => expect(refreshes()).toHaveLength(1), { interval: 5 });
			late.letThrough();
			const [one, two] = await both;
			expect(two).toBe(one);
			expect(refreshes().map((exchange) => exchange.response.status)).toEqual([200]);
			expect((await send(slow)).status).toBe(202);
		});

		test('a 401 for a token another tab has already replaced: retried with the new one, no refresh', async () => {
			const browser = createBrowser();
			const { client: first } = openTab(browser);
			const late = lateChannel();
			const locks = createFakeLocks();
			const { client: second } = openTab(browser, vi.fn(), { channel: late.channel, locks });
			await first.login(DEMO.username, DEMO.password);
			await vi.waitFor(() => expect(late.held()).toBe(1), { interval: 5 });
			late.letThrough();
			api.clock.advance(900);
			api.server.use(
				http.post(
					'*/3rdparty/v1/messages',
					async () => {
						// While this request is out, the other tab refreshes and its token arrives.
						await first.refresh();
						await vi.waitFor(() => expect(late.held()).toBe(1), { interval: 5 });
						late.letThrough();
						return HttpResponse.json({ message: 'Unauthorized', code: 401 }, { status: 401 });
					},
					{ once: true }
				)
			);
			expect((await send(second)).status).toBe(202);
			expect(refreshes()).toHaveLength(1);
			expect(locks.requests('session-refresh')).toBe(0);
		});

		test('logout in one tab logs out every tab, and the cookie is gone', async () => {
			const browser = createBrowser();
			const first = openTab(browser);
			const second = openTab(browser);
			await first.client.login(DEMO.username, DEMO.password);
			await deliver(() => second.client.loggedIn);

			await first.client.logout();
			await deliver(() => !second.client.loggedIn);
			expect(second.client.loggedIn).toBe(false);
			expect(second.onLoggedOut).toHaveBeenCalledOnce();
			expect(first.onLoggedOut).toHaveBeenCalledOnce();
			expect(await browser.cookies(`${BASE_URL}/auth/refresh`)).toEqual([]);
			expect(await second.client.refresh()).toBeUndefined();
		});

		behaviour('session.refused', async () => {
			const browser = createBrowser();
			const first = openTab(browser);
			const refused = vi.fn();
			const second = openTab(browser, vi.fn(), { onRefreshRefused: refused });
			await first.client.login(DEMO.username, DEMO.password);
			const [stolen] = await browser.cookies(`${BASE_URL}/auth/refresh`);
			await first.client.refresh(); // rotates: the stolen cookie value is now spent
			// The thief replays the spent cookie: reuse, so the server revokes the family.
			await fetch(`${BASE_URL}/auth/refresh`, {
				method: 'POST',
				headers: { Cookie: `refresh_token=${stolen?.value}`, 'X-CSRF': '1' },
			});
			await deliver(() => second.client.loggedIn);
			expect(await second.client.refresh()).toBeUndefined();
			await deliver(() => first.onLoggedOut.mock.calls.length > 0);
			expect(first.onLoggedOut).toHaveBeenCalled();
			expect(second.onLoggedOut).toHaveBeenCalled();
			expect(first.client.loggedIn).toBe(false);
			expect(refused).toHaveBeenCalledOnce(); // the tab whose refresh was refused reports it
		});
	});

	describe('edges', () => {
		test('calling the API with no session at all throws "not logged in" after one refused refresh', async () => {
			const { client, onLoggedOut } = openTab(createBrowser());
			await expect(send(client)).rejects.toThrow(/not logged in/);
			expect(refreshes().map((exchange) => exchange.response.status)).toEqual([401]);
			expect(exchangesTo(api.log.entries(), '/3rdparty/v1/messages')).toHaveLength(0);
			expect(onLoggedOut).toHaveBeenCalledOnce();
		});

		behaviour('session.unreadable', async () => {
			const errors: unknown[] = [];
			const { client } = openTab(createBrowser(), vi.fn(), {
				onError: (error) => errors.push(error),
			});
			await client.login(DEMO.username, DEMO.password);
			api.server.use(
				http.post('*/auth/refresh', () => HttpResponse.json({ token: 'half' }), { once: true })
			);
			await expect(client.refresh()).rejects.toThrow(TypeError);
			expect(client.loggedIn).toBe(true); // the access token it had, whole
			expect(errors).toEqual([expect.any(TypeError)]);
		});

		test('every answer is read to its end, refusals included, so no timeout cuts one later', async () => {
			const browser = createBrowser();
			const answers = recordingFetch(browser.fetch);
			const { client } = openTab(browser, vi.fn(), { fetch: answers.fetch });
			await expect(client.login(DEMO.username, 'not-the-password')).rejects.toThrow(/401/);
			expect(await client.refresh()).toBeUndefined(); // no cookie: 401
			await client.login(DEMO.username, DEMO.password);
			await client.refresh();
			api.server.use(
				http.post('*/auth/refresh', () => HttpResponse.json({}, { status: 503 }), { once: true }),
				http.post('*/auth/logout', () => HttpResponse.json({}, { status: 503 }), { once: true })
			);
			await expect(client.refresh()).rejects.toThrow(/503/);
			await expect(client.logout()).rejects.toThrow(/503/);
			await client.logout();
			expect(answers.unread()).toEqual([]);
		});

		test('a failed logout says so and keeps the session, rather than pretend', async () => {
			const browser = createBrowser();
			const { client, onLoggedOut } = openTab(browser);
			await client.login(DEMO.username, DEMO.password);
			api.server.use(
				http.post('*/auth/logout', () => new HttpResponse(null, { status: 503 }), { once: true })
			);
			await expect(client.logout()).rejects.toThrow(/logout failed: 503/);
			expect(client.loggedIn).toBe(true);
			expect(onLoggedOut).not.toHaveBeenCalled();
			await client.logout();
			expect(client.loggedIn).toBe(false);
			expect(await browser.cookies(`${BASE_URL}/auth/refresh`)).toEqual([]);
		});

		test('without Web Locks a tab still makes one refresh at a time of its own', async () => {
			const browser = createBrowser();
			const client = new SessionClient({
				baseUrl: BASE_URL,
				fetch: browser.fetch,
				locks: null,
				indexedDB: browser.indexedDB,
				channel: new BroadcastChannel(channelName),
			});
			clients.push(client);
			await client.login(DEMO.username, DEMO.password);
			api.clock.advance(900);
			const results = await Promise.all([send(client), send(client), send(client)]);
			expect(results.map((result) => result.status)).toEqual([202, 202, 202]);
			expect(refreshes()).toHaveLength(1);
		});

		test('a tab waiting for another’s broadcast that never comes refreshes itself after a second', async () => {
			const browser = createBrowser();
			const { client } = openTab(browser);
			await client.login(DEMO.username, DEMO.password);
			// Another tab holds the lock, counts a refresh, and closes before it could broadcast.
			let release: () => void = () => {};
			const held = new Promise<void>((resolve) => (release = resolve));
			const lock = navigator.locks.request('session-refresh', () => held);
			const refreshed = client.refresh(); // waits for the lock
			const count = refreshCount(browser.indexedDB);
			await count.write((await count.read()) + 1);
			vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
			try {
				release();
				await lock;
				// Until the client holds the lock and has read the count, it has set no timer.
				while (vi.getTimerCount() === 0) await new Promise((resolve) => setImmediate(resolve));
				await vi.advanceTimersByTimeAsync(999);
				expect(refreshes()).toHaveLength(0);
				await vi.advanceTimersByTimeAsync(1);
				expect(await refreshed).toBeDefined();
			} finally {
				vi.useRealTimers();
			}
			expect(refreshes().map((exchange) => exchange.response.status)).toEqual([200]);
			expect(await count.read()).toBe(3);
		});

		test('without IndexedDB tabs still share a token that arrived while they waited', async () => {
			const browser = createBrowser();
			const channel = new BroadcastChannel(channelName);
			const tabs = [0, 1].map(() => {
				const client = new SessionClient({
					baseUrl: BASE_URL,
					fetch: browser.fetch,
					indexedDB: null,
					channel: new BroadcastChannel(channelName),
				});
				clients.push(client);
				return client;
			});
			channel.close();
			await tabs[0]!.login(DEMO.username, DEMO.password);
			await deliver(() => tabs[1]!.loggedIn);
			api.clock.advance(900);
			const results = await Promise.all(tabs.map((tab) => send(tab)));
			expect(results.map((result) => result.status)).toEqual([202, 202]);
			expect(refreshes().length).toBeGreaterThanOrEqual(1);
			expect(refreshes().every((exchange) => exchange.response.status === 200)).toBe(true);
		});
	});
});

/**
 * A BroadcastChannel whose incoming messages wait until `letThrough()`, like a tab in another
 * process that hears of the others late.
 */
function lateChannel() {
	const real = new BroadcastChannel(channelName);
	const listeners: ((event: MessageEvent) => void)[] = [];
	const queue: MessageEvent[] = [];
	real.addEventListener('message', (event) => void queue.push(event));
	const channel = {
		addEventListener: (_: 'message', listener: (event: MessageEvent) => void) =>
			void listeners.push(listener),
		postMessage: (message: unknown) => real.postMessage(message),
		close: () => real.close(),
	} as unknown as BroadcastChannel;
	return {
		channel,
		held: () => queue.length,
		/** Delivers what has arrived so far, at once; later messages wait again. */
		letThrough() {
			for (const event of queue.splice(0)) for (const listener of listeners) listener(event);
		},
	};
}
