/**
 * A copy of a response without `Set-Cookie`, for MSW to return to the page. The shared cookie jar
 * has already stored the cookies; MSW must not keep them in its own per-tab store, and the page
 * could never read an `HttpOnly` cookie anyway. A new `Response` also carries none of the cookies
 * MSW's `HttpResponse` remembers for its own store.
 */
export function withoutSetCookie(response: Response): Response {
	const headers = new Headers(response.headers);
	headers.delete('set-cookie');
	return new Response(response.body, {
		status: response.status,
		statusText: response.statusText,
		headers,
	});
}
