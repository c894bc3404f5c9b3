import { IDBFactory } from 'fake-indexeddb';
import { CookieJar } from 'tough-cookie';

/**
 * What two tabs of one browser share: a cookie jar, the origin's localStorage and its IndexedDB. Each "tab" gets a `fetch` that sends and
 * stores cookies like a browser would for `credentials: 'include'` (HttpOnly, Secure and Path
 * honoured), so the session examples can run in Node exactly as they do in a page. `network` is
 * the fetch underneath (one that trusts a test's certificate authority, say).
 */
export function createBrowser(network: typeof fetch = fetch) {
	const jar = new CookieJar();
	const items = new Map<string, string>();
	/** The origin's localStorage, shared by its tabs. */
	const storage = {
		getItem: (key: string) => items.get(key) ?? null,
		setItem: (key: string, value: string) => void items.set(key, value),
		/** Everything stored, to check that no token ever lands here. */
		dump: () => [...items.values()].join('\n'),
	};
	const tabFetch: typeof fetch = async (input, init = {}) => {
		const url = input instanceof Request ? input.url : String(input);
		const headers = new Headers(init.headers);
		const cookie = await jar.getCookieString(url);
		if (cookie && init.credentials === 'include') headers.set('Cookie', cookie);
		const response = await network(input, { ...init, headers });
		for (const setCookie of response.headers.getSetCookie()) await jar.setCookie(setCookie, url);
		return response;
	};
	return {
		fetch: tabFetch,
		storage,
		/** The origin's IndexedDB, shared by its tabs (in memory). */
		indexedDB: new IDBFactory(),
		/** The cookies a page script could read: HttpOnly ones are not among them. */
		async scriptVisibleCookies(url: string): Promise<string[]> {
			const cookies = await jar.getCookies(url, { http: false });
			return cookies.map((cookie) => cookie.key);
		},
		/** Every cookie the browser holds for a URL, HttpOnly included. */
		async cookies(url: string) {
			return jar.getCookies(url);
		},
	};
}
