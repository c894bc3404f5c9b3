import { getResponse, http, type HttpHandler } from 'msw';
import type { MockApi } from '../createMockApi.ts';
import { requestWithCookie } from './requestWithCookie.ts';
import {
	parseSharedState,
	SHARED_STATE_FORMAT,
	type SharedState,
	type SharedStore,
} from './SharedState.ts';
import {
	announceChange,
	listenForChanges,
	type ChangeMessage,
	type SharedChannel,
} from './tabChannel.ts';
import { TabCookies } from './TabCookies.ts';
import { joinPresence, runLocked, type Locks } from './tabLocks.ts';
import { withoutSetCookie } from './withoutSetCookie.ts';

/** Work that changes the mock outside a request, which other tabs are told about. */
export type SharedWork = 'clock' | 'reset';

/** What a tab hears from its {@link SharedMock}. */
export type SharedChange =
	/** Another tab moved the clock or reset the mock; this tab's copy is up to date again. */
	| { type: 'remote'; reset: boolean }
	/** From now on this tab keeps a mock of its own. */
	| { type: 'unshared'; reason: string };

/** State of the page's own that travels with the mock's: saved and restored with it. */
export interface SharedExtra {
	/** Plain JSON. */
	snapshot(): unknown;
	/** Given what some tab's `snapshot` returned, or `undefined` if that tab had none. */
	restore(value: unknown): void;
}

/** What a {@link SharedMock} is made of; without `locks` or `store` it is this tab's alone. */
export interface SharedMockOptions {
	api: MockApi;
	/** The page's origin: its requests carry cookies unless they say `credentials: 'omit'`. */
	origin: string;
	locks?: Locks | undefined;
	/** Where the shared state is kept (`indexedDbStore` in a page). */
	store?: SharedStore | undefined;
	/** Tells the other tabs when the clock moved or the mock was reset (optional). */
	channel?: SharedChannel | undefined;
	/** Saved and restored with the mock (the runner's token names, so tabs name tokens alike). */
	extra?: SharedExtra | undefined;
	/** The lock name (the presence lock adds `:presence`). */
	name?: string;
}

/** The default store key, lock name and channel name: one shared mock per site. */
export const SHARED_MOCK_NAME = 'token-pair-docs:mock';

/**
 * One mock shared by every tab of the site, although MSW resolves each tab's requests in that
 * tab: each tab has its own instance, and they take turns. Every request the mock answers (and
 * every clock move or reset) runs under one Web Lock (`tabLocks`); inside it the tab restores
 * the latest snapshot from the shared store (`SharedState`) unless its own copy is that one,
 * does the work, saves the new snapshot and tells the other tabs (`tabChannel`), so they can
 * show the new clock.
 *
 * The session cookie is the browser's, so it is shared the same way (`TabCookies`): the jar puts
 * the `Cookie` header on the request the handlers see and stores the response's `Set-Cookie`,
 * which is then taken off the response MSW returns to the page.
 *
 * The shared state lives as long as some tab that uses it is open: a tab holds a shared
 * "presence" lock, and the first tab to start when no one holds it starts from a fresh mock.
 *
 * Without Web Locks (or a store) each tab keeps a mock of its own, cookies included.
 */
export class SharedMock {
	/** Answers what the mock's own handlers answer, and nothing else (the rest passes through). */
	readonly handlers: HttpHandler[];
	readonly #api: MockApi;
	readonly #locks: Locks | undefined;
	readonly #store: SharedStore | undefined;
	readonly #channel: SharedChannel | undefined;
	readonly #extra: SharedExtra | undefined;
	readonly #name: string;
	readonly #cookies: TabCookies;
	readonly #listeners = new Set<(change: SharedChange) => void>();
	/** The `rev` of the shared state this tab's copy was restored from or saved as. */
	#rev: string | undefined;
	#started: Promise<void> | undefined;
	#unsharedReason: string | undefined;
	#leavePresence: (() => void) | undefined;

	constructor(options: SharedMockOptions) {
		this.#api = options.api;
		this.#cookies = new TabCookies(options.origin);
		this.#locks = options.locks;
		this.#store = options.store;
		this.#channel = options.channel;
		this.#extra = options.extra;
		this.#name = options.name ?? SHARED_MOCK_NAME;
		if (!this.#locks) this.#unsharedReason = 'this browser has no Web Locks';
		else if (!this.#store) this.#unsharedReason = 'this page cannot store data';
		this.handlers = [
			http.all(
				async ({ request }) => this.#handles(request),
				async ({ request }) => this.#answer(request)
			),
		];
	}

	/** Whether this tab shares its mock with the site's other tabs. */
	get shared(): boolean {
		return this.#unsharedReason === undefined;
	}

	/** Why this tab keeps a mock of its own; `undefined` while it shares. */
	get unsharedReason(): string | undefined {
		return this.#unsharedReason;
	}

	/**
	 * Runs work that reads or changes the mock, with the latest shared state restored first and
	 * saved after, while no other tab touches it. `kind` says what to tell the other tabs; a reset
	 * also empties the cookie jar, as a fresh browser profile would be.
	 */
	async exclusive<T>(work: () => Promise<T>, kind?: SharedWork): Promise<T> {
		await this.#start();
		if (!this.shared) return this.#perform(work, kind);
		return this.#lock(async () => {
			await this.#load();
			try {
				return await this.#perform(work, kind);
			} finally {
				await this.#save(kind);
			}
		});
	}

	/** Brings this tab's copy up to date (before a run, so `Date.now` reads the shared clock). */
	async sync(): Promise<void> {
		await this.#start();
		if (this.shared) await this.#lock(() => this.#load());
	}

	/**
	 * Calls `listener` for every change another tab made, and when sharing stops; returns the
	 * function that unsubscribes.
	 */
	subscribe(listener: (change: SharedChange) => void): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	/** Leaves the other tabs alone from now on: releases the presence lock, closes the channel. */
	close(): void {
		this.#leavePresence?.();
		this.#channel?.close();
		this.#unshare('this tab stopped sharing its mock');
	}

	/** Does the work; after a reset, the browser's cookies go too. */
	async #perform<T>(work: () => Promise<T>, kind: SharedWork | undefined): Promise<T> {
		try {
			return await work();
		} finally {
			if (kind === 'reset') this.#cookies.clear();
		}
	}

	/** Whether one of the mock's own handlers would answer (cheap: no lock, no state). */
	async #handles(request: Request): Promise<boolean> {
		for (const handler of this.#api.handlers) {
			if (await handler.test({ request })) return true;
		}
		return false;
	}

	async #answer(request: Request): Promise<Response | undefined> {
		const url = request.url;
		const withCookies = this.#cookies.sends(request);
		// Taken when the request is sent, before it waits for its turn, as a browser attaches
		// cookies: two tabs refreshing at once send the same refresh token, as they would for real.
		const cookie = withCookies ? await this.#cookieHeader(url) : '';
		return this.exclusive(async () => {
			const response = await getResponse(this.#api.handlers, requestWithCookie(request, cookie));
			if (!response) return undefined;
			if (withCookies) this.#cookies.store(response, url, new Date(this.#api.clock.now()));
			return withoutSetCookie(response);
		});
	}

	/** The `Cookie` header for a URL from the latest cookies any tab stored. */
	async #cookieHeader(url: string): Promise<string> {
		await this.#start();
		const state = this.shared ? parseSharedState(await this.#read()) : undefined;
		return this.#cookies.header(url, state && state.rev !== this.#rev ? state.cookies : undefined);
	}

	/**
	 * Once per tab: starts from a fresh mock if no other tab is present (the tabs that used the
	 * stored state are gone), stays present for as long as the page lives, and starts listening
	 * to the other tabs.
	 */
	#start(): Promise<void> {
		this.#started ??= (async () => {
			const locks = this.#locks;
			const store = this.#store;
			if (!locks || !store || !this.shared) return;
			try {
				await this.#lock(async () => {
					const presence = await joinPresence(locks, `${this.#name}:presence`);
					this.#leavePresence = presence.leave;
					if (presence.first) await store.remove();
				});
			} catch (error) {
				this.#unshare(`the shared mock could not start (${String(error)})`);
				return;
			}
			listenForChanges(this.#channel, (message) => void this.#onChange(message));
		})();
		return this.#started;
	}

	#lock<T>(work: () => Promise<T>): Promise<T> {
		return runLocked(this.#locks, this.#name, work);
	}

	async #read(): Promise<string | null> {
		try {
			return (await this.#store?.read()) ?? null;
		} catch {
			return null;
		}
	}

	/** Restores the stored state unless this tab's copy is that state already. */
	async #load(): Promise<void> {
		const state = parseSharedState(await this.#read());
		if (!state || state.rev === this.#rev) return;
		try {
			const restoreCookies = this.#cookies.prepareRestore(state.cookies);
			await this.#api.restore(state.mock);
			this.#extra?.restore(state.extra);
			restoreCookies();
			this.#rev = state.rev;
		} catch {
			// Written by a version of the site this one cannot read: this tab's own state replaces
			// it on the next save.
		}
	}

	async #save(kind: SharedWork | undefined): Promise<void> {
		const state: SharedState = {
			format: SHARED_STATE_FORMAT,
			rev: crypto.randomUUID(),
			mock: await this.#api.snapshot(),
			cookies: this.#cookies.serialize(),
			extra: this.#extra?.snapshot(),
		};
		try {
			await this.#store?.write(JSON.stringify(state));
		} catch (error) {
			this.#unshare(`the shared mock could not be saved (${String(error)})`);
			return;
		}
		this.#rev = state.rev;
		const offsetSeconds = this.#api.clock.offsetSeconds;
		announceChange(this.#channel, { rev: state.rev, offsetSeconds, reset: kind === 'reset' });
	}

	/** Another tab saved: catch up if the clock moved or the mock was reset, and say so. */
	async #onChange(message: ChangeMessage): Promise<void> {
		if (!this.shared) return;
		if (!message.reset && message.offsetSeconds === this.#api.clock.offsetSeconds) return;
		await this.sync();
		this.#emit({ type: 'remote', reset: message.reset });
	}

	#unshare(reason: string): void {
		if (!this.shared) return;
		this.#unsharedReason = reason;
		this.#emit({ type: 'unshared', reason });
	}

	#emit(change: SharedChange): void {
		for (const listener of this.#listeners) listener(change);
	}
}
