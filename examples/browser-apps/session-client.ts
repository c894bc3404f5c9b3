/**
 * A browser app's side of a session: the access token lives in memory only, the refresh token in
 * an HttpOnly cookie the script never sees. Refreshes silently on 401 and ahead of expiry, and
 * coordinates tabs: one refresh at a time (Web Locks), the others reuse its result
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
	/** Refresh this many seconds before the access token expires. */
	marginSeconds?: number;
	// The browser's own primitives by default; passed in where a test drives two "tabs".
	fetch?: typeof fetch;
	/** `null` where the browser has no Web Locks (then tabs coordinate only by broadcast). */
	locks?: LockManager | null;
	channel?: BroadcastChannel;
	/** Shared by the tabs; holds a refresh counter, never a token. */
	storage?: Pick<Storage, 'getItem' | 'setItem'>;
}
// #endregion options

/** No request to the session endpoints may hang longer than this. */
export const TIMEOUT_MS = 10_000;
/** Refresh this many seconds before the access token expires, unless told otherwise. */
export const MARGIN_SECONDS = 30;

/** Counts completed refreshes across tabs (a number, not a secret). */
const REFRESH_COUNT = 'session:refresh-count';

type TabMessage =
	{ type: 'refreshed'; accessToken: string; expiresIn: number } | { type: 'logged-out' };

export class SessionClient {
	readonly #baseUrl: string;
	readonly #fetch: typeof fetch;
	readonly #locks: LockManager | undefined;
	readonly #channel: BroadcastChannel | undefined;
	readonly #storage: Pick<Storage, 'getItem' | 'setItem'> | undefined;
	readonly #onLoggedOut: () => void;
	readonly #marginSeconds: number;
	// #region in-memory
	/** In memory only: never localStorage or sessionStorage, which any injected script can read. */
	#accessToken: string | undefined;
	// #endregion in-memory
	#expiresIn = 0;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#pending: Promise<string | undefined> | undefined;
	/** Resolves waiters when another tab's refreshed token arrives. */
	#arrivals = new Set<(token: string) => void>();

	constructor(options: SessionClientOptions = {}) {
		this.#baseUrl = options.baseUrl ?? '';
		this.#fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
		this.#locks =
			options.locks === null ? undefined : (options.locks ?? globalThis.navigator?.locks);
		this.#channel =
			options.channel ??
			(typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel('session'));
		this.#storage = options.storage ?? globalThis.localStorage;
		this.#onLoggedOut = options.onLoggedOut ?? (() => {});
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
		if (!response.ok) throw new Error(`login failed: ${response.status}`);
		this.#share(await this.#accept(response));
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
		const fresh = await this.refresh();
		if (!fresh) return response;
		await response.text(); // read the refused answer to its end, which frees the connection
		return send(fresh);
	}
	// #endregion fetch

	// #region refresh
	/** One refresh at a time across tabs; `undefined` when the session is over. */
	refresh(): Promise<string | undefined> {
		this.#pending ??= this.#refreshAcrossTabs().finally(() => {
			this.#pending = undefined;
		});
		return this.#pending;
	}

	async #refreshAcrossTabs(): Promise<string | undefined> {
		const seenCount = this.#refreshCount();
		const seenToken = this.#accessToken;
		const refreshOnce = async () => {
			if (this.#refreshCount() === seenCount) return this.#refreshNow();
			// Another tab refreshed while we waited for the lock: use its token, here or on its way.
			return this.#accessToken !== seenToken ? this.#accessToken : this.#nextTabToken();
		};
		return this.#locks ? this.#locks.request('session-refresh', refreshOnce) : refreshOnce();
	}

	#refreshCount(): number {
		return Number(this.#storage?.getItem(REFRESH_COUNT) ?? 0);
	}

	/** The token another tab broadcast; refreshes itself if none arrives within a second. */
	#nextTabToken(): Promise<string | undefined> {
		return new Promise((resolve) => {
			const timeout = setTimeout(() => {
				this.#arrivals.delete(arrive);
				resolve(this.#refreshNow());
			}, 1_000);
			const arrive = (token: string) => {
				clearTimeout(timeout);
				resolve(token);
			};
			this.#arrivals.add(arrive);
		});
	}

	async #refreshNow(): Promise<string | undefined> {
		const response = await this.#fetch(`${this.#baseUrl}/auth/refresh`, {
			method: 'POST',
			credentials: 'include', // sends the HttpOnly cookie; the script never reads it
			headers: { 'X-CSRF': '1' }, // a header a cross-site form cannot send
			signal: AbortSignal.timeout(TIMEOUT_MS),
		});
		if (response.status === 401) {
			this.#end(true); // refresh refused: the session is over, log in again
			return undefined;
		}
		if (!response.ok) throw new Error(`refresh failed: ${response.status}`);
		const token = await this.#accept(response);
		// Count before telling the others, so a tab that gets the lock next knows to wait for it.
		this.#storage?.setItem(REFRESH_COUNT, String(this.#refreshCount() + 1));
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
			signal: AbortSignal.timeout(TIMEOUT_MS),
		});
		// Until the server has ended the session, the cookie would log the next page load back in:
		// say so rather than pretend (on a shared computer that matters).
		if (!response.ok) throw new Error(`logout failed: ${response.status}`);
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
		this.#use(message.accessToken, message.expiresIn);
		for (const arrive of this.#arrivals) arrive(message.accessToken);
		this.#arrivals.clear();
	}
	// #endregion logout

	/** Gives the other tabs this tab's new token, so they need no refresh of their own. */
	#share(accessToken: string): void {
		this.#post({ type: 'refreshed', accessToken, expiresIn: this.#expiresIn });
	}

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
