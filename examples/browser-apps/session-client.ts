/**
 * A browser app's side of a session: the access token lives in memory only, the refresh token in
 * an HttpOnly cookie the script never sees. Refreshes silently on 401 and ahead of expiry, and
 * coordinates tabs: one refresh at a time (Web Locks), a refresh count every tab reads alike
 * (IndexedDB) so a tab that waited knows another refreshed, the others reuse its result
 * (BroadcastChannel), and logging out in one tab logs out all of them.
 *
 * @see /guides/browser-apps/
 */

// #region options
export interface SessionClientOptions {
	/** '' for the page's own origin. */
	baseUrl?: string;
	/** Called when the session is over (refresh refused, or logout in any tab). */
	onLoggedOut?: () => void;
	/**
	 * Called when the API refuses this tab's refresh: the session ended, expired, or its refresh
	 * token was used by someone else. Report it (to your monitoring) before showing the login.
	 */
	onRefreshRefused?: () => void;
	/** Told about every refresh that failed for another reason (network, `5xx`, a bad answer). */
	onError?: (error: unknown) => void;
	/** Refresh this many seconds before the access token expires. */
	marginSeconds?: number;
	// The browser's own primitives by default; passed in where a test drives two "tabs".
	fetch?: typeof fetch;
	/** `null` where the browser has no Web Locks (then tabs coordinate only by broadcast). */
	locks?: LockManager | null;
	channel?: BroadcastChannel;
	/** Shared by the tabs; holds a refresh count, never a token. `null`: no IndexedDB. */
	indexedDB?: IDBFactory | null;
}
// #endregion options

/** No request to the session endpoints may hang longer than this. */
export const TIMEOUT_MS = 10_000;
/** Refresh this many seconds before the access token expires, unless told otherwise. */
export const MARGIN_SECONDS = 30;

type TabMessage =
	| { type: 'refreshed'; accessToken: string; expiresIn: number; generation: number }
	| { type: 'logged-out' };

// #region generation
/**
 * How many times the session has been refreshed (or logged in), as every tab reads it: IndexedDB,
 * because a transaction that starts after another tab's has completed sees its write, whatever
 * process each tab runs in. (`localStorage` does not promise that: Chromium hands other tabs'
 * writes to a tab's process a little later.) A number, never a token.
 */
export function refreshCount(factory: IDBFactory) {
	let database: Promise<IDBDatabase> | undefined;
	const open = () =>
		(database ??= new Promise((resolve, reject) => {
			const request = factory.open('session', 1);
			request.onupgradeneeded = () => request.result.createObjectStore('counters');
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		}));
	const run = async <T>(
		mode: IDBTransactionMode,
		use: (store: IDBObjectStore) => IDBRequest<T>
	) => {
		const transaction = (await open()).transaction('counters', mode);
		const request = use(transaction.objectStore('counters'));
		return new Promise<T>((resolve, reject) => {
			transaction.oncomplete = () => resolve(request.result);
			transaction.onerror = transaction.onabort = () => reject(transaction.error);
		});
	};
	return {
		read: async () => Number((await run('readonly', (store) => store.get('refreshes'))) ?? 0),
		write: async (count: number) =>
			void (await run('readwrite', (store) => store.put(count, 'refreshes'))),
	};
}
// #endregion generation

export class SessionClient {
	readonly #baseUrl: string;
	readonly #fetch: typeof fetch;
	readonly #locks: LockManager | undefined;
	readonly #channel: BroadcastChannel | undefined;
	readonly #count: ReturnType<typeof refreshCount> | undefined;
	readonly #onLoggedOut: () => void;
	readonly #onRefreshRefused: () => void;
	readonly #onError: (error: unknown) => void;
	readonly #marginSeconds: number;
	// #region in-memory
	/** In memory only: never localStorage or sessionStorage, which any injected script can read. */
	#accessToken: string | undefined;
	// #endregion in-memory
	#expiresIn = 0;
	/** The refresh count when this tab's access token was issued. */
	#generation = 0;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#pending: Promise<string | undefined> | undefined;
	/** Resolves waiters when another tab's refreshed token arrives. */
	#arrivals = new Set<() => void>();

	constructor(options: SessionClientOptions = {}) {
		this.#baseUrl = options.baseUrl ?? '';
		this.#fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
		this.#locks =
			options.locks === null ? undefined : (options.locks ?? globalThis.navigator?.locks);
		this.#channel =
			options.channel ??
			(typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel('session'));
		const factory =
			options.indexedDB === null ? undefined : (options.indexedDB ?? globalThis.indexedDB);
		this.#count = factory ? refreshCount(factory) : undefined;
		this.#onLoggedOut = options.onLoggedOut ?? (() => {});
		this.#onRefreshRefused = options.onRefreshRefused ?? (() => {});
		this.#onError = options.onError ?? (() => {});
		this.#marginSeconds = options.marginSeconds ?? MARGIN_SECONDS;
		this.#channel?.addEventListener('message', (event: MessageEvent<TabMessage>) =>
			this.#onTabMessage(event.data)
		);
	}

	// #region login
	/** Logs in; the server sets the refresh cookie, the access token stays in this object. */
	async login(username: string, password: string): Promise<void> {
		const response = await this.#fetch(`${this.#baseUrl}/auth/login`, {
			method: 'POST',
			credentials: 'include',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ username, password }),
			signal: AbortSignal.timeout(TIMEOUT_MS),
		});
		// A wrong password is the user's to fix: no retry, just the error to show. The refusal is read
		// to its end, like every answer: unread, it holds its connection until the timeout cuts it.
		if (!response.ok) {
			await response.text();
			throw new Error(`login failed: ${response.status}`);
		}
		const token = await this.#accept(response);
		await this.#count?.write((this.#generation = (await this.#count.read()) + 1));
		this.#share(token);
	}
	// #endregion login

	// #region fetch
	/** `fetch` for the API: adds the access token; on 401 refreshes once and retries once. */
	async fetch(path: string, init: RequestInit = {}): Promise<Response> {
		const send = (token: string | undefined) => {
			const headers = new Headers(init.headers);
			if (token) headers.set('Authorization', `Bearer ${token}`);
			return this.#fetch(`${this.#baseUrl}${path}`, { ...init, headers });
		};
		const token = this.#accessToken ?? (await this.refresh());
		if (!token) throw new Error('not logged in'); // no session, not even a cookie: show the login
		const response = await send(token);
		if (response.status !== 401) return response;
		// A newer token may have come from another tab while this request was out: then use it.
		const fresh =
			this.#accessToken !== undefined && this.#accessToken !== token
				? this.#accessToken
				: await this.refresh();
		if (!fresh) return response;
		await response.text(); // read the refused answer to its end, which frees the connection
		return send(fresh);
	}
	// #endregion fetch

	// #region refresh
	/** One refresh at a time across tabs; `undefined` when the session is over. */
	refresh(): Promise<string | undefined> {
		this.#pending ??= this.#refreshAcrossTabs()
			.catch((error: unknown) => {
				this.#onError(error);
				throw error;
			})
			.finally(() => {
				this.#pending = undefined;
			});
		return this.#pending;
	}

	async #refreshAcrossTabs(): Promise<string | undefined> {
		const seenToken = this.#accessToken;
		// Which refresh is the newest this tab knows of: its token's, or (no token) the count now.
		const seen = seenToken ? this.#generation : ((await this.#count?.read()) ?? 0);
		const refreshOnce = async () => {
			const count = (await this.#count?.read()) ?? 0;
			// A newer token arrived while this tab waited for the lock: use it.
			if (this.#accessToken !== seenToken && this.#generation >= count) return this.#accessToken;
			// Another tab refreshed after what this tab has seen: its token is on its way here.
			if (count > seen) return this.#nextTabToken(count);
			return this.#refreshNow(count);
		};
		return this.#locks ? this.#locks.request('session-refresh', refreshOnce) : refreshOnce();
	}

	/** The token of refresh number `count`, broadcast by the tab that made it. */
	#nextTabToken(count: number): Promise<string | undefined> {
		return new Promise((resolve) => {
			const arrive = () => {
				if (this.#generation < count) return;
				clearTimeout(timeout);
				this.#arrivals.delete(arrive);
				resolve(this.#accessToken);
			};
			// That tab closed before its message was sent: after a second, refresh here instead.
			const timeout = setTimeout(() => {
				this.#arrivals.delete(arrive);
				resolve(this.#refreshNow(count));
			}, 1_000);
			this.#arrivals.add(arrive);
			arrive(); // it may have come already
		});
	}

	async #refreshNow(count: number): Promise<string | undefined> {
		const response = await this.#fetch(`${this.#baseUrl}/auth/refresh`, {
			method: 'POST',
			credentials: 'include', // sends the HttpOnly cookie; the script never reads it
			headers: { 'X-CSRF': '1' }, // a header a cross-site form cannot send
			signal: AbortSignal.timeout(TIMEOUT_MS),
		});
		if (response.status === 401) {
			this.#onRefreshRefused();
			this.#end(true); // refresh refused: the session is over, log in again
			await response.text().catch(() => {}); // read to its end, so the timeout cannot cut it later
			return undefined;
		}
		if (!response.ok) {
			await response.text();
			throw new Error(`refresh failed: ${response.status}`);
		}
		const token = await this.#accept(response);
		// Counted before the others hear of it and before the lock is let go, so the tab that
		// takes the lock next reads the new count and waits for this token instead of refreshing.
		this.#generation = count + 1;
		await this.#count?.write(this.#generation);
		this.#share(token);
		return token;
	}
	// #endregion refresh

	// #region proactive
	/** Keeps the token and schedules the next refresh from `expires_in`, counted from now. */
	async #accept(response: Response): Promise<string> {
		const body = (await response.json()) as { access_token?: unknown; expires_in?: unknown };
		if (typeof body.access_token !== 'string' || typeof body.expires_in !== 'number') {
			throw new TypeError('session response without an access token');
		}
		this.#use(body.access_token, body.expires_in);
		return body.access_token;
	}

	#use(accessToken: string, expiresIn: number): void {
		this.#accessToken = accessToken;
		this.#expiresIn = expiresIn;
		clearTimeout(this.#timer);
		const delay = Math.max(expiresIn - this.#marginSeconds, expiresIn / 2) * 1000; // s → ms
		this.#timer = setTimeout(() => void this.refresh().catch(() => {}), delay);
	}
	// #endregion proactive

	// #region logout
	/** Logs out here and in every other tab; the server revokes the session and clears the cookie. */
	async logout(): Promise<void> {
		const response = await this.#fetch(`${this.#baseUrl}/auth/logout`, {
			method: 'POST',
			credentials: 'include',
			headers: { 'X-CSRF': '1' }, // as on refresh: a cross-site form cannot log the user out
			signal: AbortSignal.timeout(TIMEOUT_MS),
		});
		// Until the server has ended the session, the cookie would log the next page load back in:
		// say so rather than pretend (on a shared computer that matters).
		if (!response.ok) {
			await response.text(); // read to its end, so the timeout cannot cut it later
			throw new Error(`logout failed: ${response.status}`);
		}
		this.#end(true);
	}

	#end(broadcast: boolean): void {
		clearTimeout(this.#timer);
		this.#accessToken = undefined;
		if (broadcast) this.#post({ type: 'logged-out' });
		this.#onLoggedOut();
	}

	#onTabMessage(message: TabMessage): void {
		if (message.type === 'logged-out') return this.#end(false);
		if (message.generation < this.#generation) return; // older than the token this tab has
		this.#generation = message.generation;
		this.#use(message.accessToken, message.expiresIn);
		for (const arrive of [...this.#arrivals]) arrive();
	}
	// #endregion logout

	// #region share
	/**
	 * Gives the other tabs this tab's new token, so they need no refresh of their own. The channel
	 * reaches every script of this origin, which could as well call /auth/refresh itself: keeping
	 * injected script out (a Content Security Policy) is what protects the token, not the channel.
	 */
	#share(accessToken: string): void {
		this.#post({
			type: 'refreshed',
			accessToken,
			expiresIn: this.#expiresIn,
			generation: this.#generation,
		});
	}
	// #endregion share

	#post(message: TabMessage): void {
		this.#channel?.postMessage(message);
	}

	/** Whether this tab holds an access token. */
	get loggedIn(): boolean {
		return this.#accessToken !== undefined;
	}

	/** Stops timers and closes the channel (e.g. on page unload in tests). */
	dispose(): void {
		clearTimeout(this.#timer);
		this.#channel?.close();
	}
}
