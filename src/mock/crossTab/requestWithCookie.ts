import { withCookieHeader } from '../http/requestCookie.ts';

/**
 * The request as the mock's handlers should see it: the page's request with the `Cookie` header
 * a browser would have sent (`''`: none), and `credentials: 'omit'` so MSW takes no cookies of its
 * own. A page's `Request` cannot hold `Cookie`, so the header is recorded beside the request
 * (see `withCookieHeader`) and read back by the handlers and the exchange log.
 */
export function requestWithCookie(request: Request, cookie: string): Request {
	return withCookieHeader(request, cookie);
}
