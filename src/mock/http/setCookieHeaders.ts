/**
 * The `Set-Cookie` values of a response a handler made.
 *
 * `Set-Cookie` is a forbidden response header: in a page, a `Response` silently drops it, so its
 * `headers` cannot say which cookies the mock set. The handlers create their cookies, so they
 * record them when they make them ({@link withSetCookie}); the shared browser mock and the
 * exchange log read them back here. A WeakMap keyed by the response: nothing else to clean up.
 */
const recorded = new WeakMap<Response, readonly string[]>();

/** Sets cookies on a response (where its headers can hold them) and records them; returns it. */
export function withSetCookie(response: Response, values: readonly string[]): Response {
	for (const value of values) response.headers.append('Set-Cookie', value);
	recorded.set(response, [...(recorded.get(response) ?? []), ...values]);
	return response;
}

/** Every `Set-Cookie` of a response: what its handler recorded, else what its headers hold. */
export function setCookieHeaders(response: Response): string[] {
	return [...(recorded.get(response) ?? response.headers.getSetCookie())];
}
