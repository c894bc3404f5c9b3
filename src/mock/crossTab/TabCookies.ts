import { CookieJar, type SerializedCookieJar } from 'tough-cookie';
import { setCookieHeaders } from '../http/setCookieHeaders.ts';

/**
 * The cookies a browser keeps for the site, as the shared mock needs them: a tough-cookie jar
 * (not MSW's cookie store, which each tab loads once when it starts) that travels in the shared
 * state. It decides whether a request carries cookies, builds its `Cookie` header and stores a
 * response's `Set-Cookie`, as a browser would.
 */
export class TabCookies {
	readonly #origin: string;
	#jar = newJar();

	/** `origin` is the page's: its requests carry cookies unless they say `credentials: 'omit'`. */
	constructor(origin: string) {
		this.#origin = origin;
	}

	/** As a browser decides: `omit` never, `include` always, `same-origin` for this origin. */
	sends(request: Request): boolean {
		if (request.credentials === 'omit') return false;
		return request.credentials === 'include' || new URL(request.url).origin === this.#origin;
	}

	/**
	 * The `Cookie` header for a URL, from `latest` (the jar another tab saved last) when given and
	 * readable, else from this tab's jar.
	 */
	header(url: string, latest?: SerializedCookieJar): string {
		let jar = this.#jar;
		if (latest) {
			try {
				jar = CookieJar.deserializeSync(latest);
			} catch {
				// Unreadable: the next save replaces it with this tab's jar, which is used meanwhile.
			}
		}
		return jar.getCookieStringSync(url, { sameSiteContext: 'strict' });
	}

	/** Stores a response's cookies at `now`, the mock's time, so Max-Age counts on its clock. */
	store(response: Response, url: string, now: Date): void {
		for (const value of setCookieHeaders(response)) {
			this.#jar.setCookieSync(value, url, { now, sameSiteContext: 'strict', ignoreError: true });
		}
	}

	/** Forgets every cookie, as a fresh browser profile would (after a reset of the mock). */
	clear(): void {
		this.#jar = newJar();
	}

	serialize(): SerializedCookieJar {
		const cookies = this.#jar.serializeSync();
		if (!cookies) throw new Error('the cookie jar cannot be saved');
		return cookies;
	}

	/**
	 * Reads saved cookies (throwing, changing nothing, if they cannot be read) and returns what
	 * puts them in place: called once the rest of the state has been restored too.
	 */
	prepareRestore(cookies: SerializedCookieJar): () => void {
		const jar = CookieJar.deserializeSync(cookies);
		return () => (this.#jar = jar);
	}
}

function newJar(): CookieJar {
	// localhost counts as secure, as in browsers, so the `Secure` session cookie works there.
	return new CookieJar(undefined, { allowSecureOnLocal: true });
}
