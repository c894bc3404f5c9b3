/**
 * The `Cookie` header a request carries, including one a page's `Request` cannot hold.
 *
 * `Cookie` is a forbidden request header: a `Request` made by a page's script silently drops it.
 * The shared browser mock knows which cookies the browser would have sent, so it records them
 * beside the request it hands to the handlers, keyed by that very object (MSW gives resolvers the
 * request it was given). In Node and over HTTP nothing is recorded and the header is read as is.
 */
const recorded = new WeakMap<Request, string>();

/**
 * A copy of `request` that carries exactly `cookie` (`''`: none) for the handlers, whatever the
 * page's own request had, and `credentials: 'omit'`, so MSW's own cookie store stays out of it.
 */
export function withCookieHeader(request: Request, cookie: string): Request {
	const headers = new Headers(request.headers);
	headers.delete('cookie');
	const copy = new Request(request, { credentials: 'omit', headers });
	recorded.set(copy, cookie);
	return copy;
}

/** The `Cookie` header of a request: the recorded one, else its own; `null` when there is none. */
export function cookieHeader(request: Request): string | null {
	const cookie = recorded.get(request) ?? request.headers.get('cookie');
	return cookie === '' ? null : cookie;
}
