/**
 * The contract's HTTP-level facts: the session cookie, the headers the API requires or promises,
 * the request limits and the rotation defaults. The mock builds its responses from these, and the
 * pages render them (src/site/facts.ts), so a page cannot state one the mock does not apply.
 */

/**
 * The browser session's refresh token cookie (seeds 003, 004): `HttpOnly` so page scripts cannot
 * read it, `Secure`, `SameSite=Strict` so cross-site requests do not carry it, and `Path=/auth` so
 * only the session endpoints ever receive it. Its `Max-Age` is the seconds the refresh token has
 * left, so a fresh one carries the refresh token's lifetime.
 */
export const REFRESH_COOKIE = {
	name: 'refresh_token',
	attributes: {
		httpOnly: 'HttpOnly',
		secure: 'Secure',
		sameSite: 'SameSite=Strict',
		path: 'Path=/auth',
	},
} as const;

/** A header: its name and the one value the contract gives it. */
export interface HeaderFact {
	name: string;
	value: string;
}

/**
 * The header `POST /auth/refresh` and `POST /auth/logout` require, so that a cross-site form cannot
 * refresh or end a session.
 */
export const CSRF_HEADER = { name: 'X-CSRF', value: '1' } as const satisfies HeaderFact;

/**
 * **[design]** The only request body type `POST /auth/login` accepts. A cross-site form can send
 * `text/plain`, `application/x-www-form-urlencoded` or `multipart/form-data` without a preflight,
 * never `application/json`, so refusing the others (415) stops a cross-site form from logging the
 * browser into an account of the attacker's choosing (login CSRF).
 */
export const LOGIN_CONTENT_TYPE = 'application/json';

/** Token responses and error bodies must never be cached (RFC 6749 §5.1). */
export const NO_STORE = { name: 'Cache-Control', value: 'no-store' } as const satisfies HeaderFact;

/** The HTTP/1.0 companion of {@link NO_STORE} on token responses. */
export const PRAGMA_NO_CACHE = { name: 'Pragma', value: 'no-cache' } as const satisfies HeaderFact;

/** RFC 6750 §3: a 401 names the scheme the client should use; bearer tokens, on most endpoints. */
export const CHALLENGE = {
	name: 'WWW-Authenticate',
	value: 'Bearer',
} as const satisfies HeaderFact;

/**
 * RFC 7617: the challenge of a 401 from an endpoint that takes Basic credentials only (the
 * operator's endpoints), with the realm and the UTF-8 charset the credentials are encoded in.
 */
export const BASIC_CHALLENGE = {
	name: 'WWW-Authenticate',
	value: 'Basic realm="Token Pair API", charset="UTF-8"',
} as const satisfies HeaderFact;

/**
 * **[design]** What the API does against password guessing and request floods: nothing of its
 * own. No account is ever locked (a lockout would let anyone lock a service's account out by
 * guessing wrong on purpose), and no request is ever refused for its rate. Put rate limiting in
 * front of the API (a gateway, a WAF) if you need it; pages say so rather than promise either.
 */
export const ABUSE_LIMITS = { accountLockout: false, rateLimit: false } as const;

/** Bodies larger than this are refused with 413 before they are parsed. */
export const MAX_BODY_BYTES = 64 * 1024;

/** A request's header block larger than this is refused with 431 (Node's own limit, stated). */
export const MAX_HEADER_BYTES = 16 * 1024;

/** The seconds the HTTP server waits for a request's headers before it answers 408. */
export const HEADERS_TIMEOUT_SECONDS = 10;

/** The seconds the HTTP server waits for a whole request before it answers 408. */
export const REQUEST_TIMEOUT_SECONDS = 30;

/**
 * **[design, Auth0-style]** Rotation's defaults: a replayed refresh token is rejected alone, and no
 * overlap window hands a just-spent refresh token's pair out again.
 */
export const ROTATION_DEFAULTS = { reusePolicy: 'reject', overlapSeconds: 0 } as const;
