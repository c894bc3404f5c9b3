/**
 * The request as the mock's handlers should see it: the page's request with the `Cookie` header
 * a browser would have sent (or none), and `credentials: 'omit'` so MSW takes cookies from that
 * header alone, never from its own cookie store or `document.cookie`.
 *
 * A page cannot build such a request the ordinary way: `Cookie` is a forbidden request header,
 * which a `Request` made by script silently drops. A standalone `Headers` may hold it, so the
 * returned request answers `headers` (and its clones' `headers`, which MSW and the exchange log
 * read) with one of those.
 */
export function requestWithCookie(request: Request, cookie: string): Request {
	return new CookieRequest(request, cookie);
}

class CookieRequest extends Request {
	readonly #cookie: string;

	constructor(input: Request, cookie: string) {
		super(input, { credentials: 'omit' });
		this.#cookie = cookie;
		const headers = new Headers(input.headers);
		if (cookie === '') headers.delete('cookie');
		else headers.set('cookie', cookie);
		// An own property shadows the prototype's getter, which reads the filtered list.
		Object.defineProperty(this, 'headers', { value: headers, enumerable: true });
	}

	override clone(): Request {
		return new CookieRequest(super.clone(), this.#cookie);
	}
}
