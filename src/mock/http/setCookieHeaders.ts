/**
 * Every `Set-Cookie` of a response the mock's handlers made.
 *
 * In a page, a `Response` may not hold `Set-Cookie` (a forbidden response header: browsers drop
 * it), so `headers` has none there. MSW's `HttpResponse` keeps the raw values on the response
 * under a private symbol for its own cookie store, and exports no way to read them; this finds
 * that symbol by its description. tests/mock/http/setCookieHeaders.test.ts pins it, so an MSW
 * upgrade that renames it fails a test instead of silently losing the session cookie.
 */
export function setCookieHeaders(response: Response): string[] {
	const fromHeaders = response.headers.getSetCookie();
	if (fromHeaders.length > 0) return fromHeaders;
	const symbol = Object.getOwnPropertySymbols(response).find(
		(candidate) => candidate.description === MSW_SET_COOKIE
	);
	const raw: unknown = symbol === undefined ? undefined : Reflect.get(response, symbol);
	return Array.isArray(raw)
		? raw.filter((value): value is string => typeof value === 'string')
		: [];
}

/** The description of the symbol under which MSW's `HttpResponse` keeps its raw `Set-Cookie`s. */
export const MSW_SET_COOKIE = 'kSetCookie';
