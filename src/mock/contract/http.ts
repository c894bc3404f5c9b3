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

/** The header `POST /auth/refresh` requires, so that a cross-site form cannot refresh a session. */
export const CSRF_HEADER = { name: 'X-CSRF', value: '1' } as const satisfies HeaderFact;

/** Token responses and error bodies must never be cached (RFC 6749 §5.1). */
export const NO_STORE = { name: 'Cache-Control', value: 'no-store' } as const satisfies HeaderFact;

/** The HTTP/1.0 companion of {@link NO_STORE} on token responses. */
export const PRAGMA_NO_CACHE = { name: 'Pragma', value: 'no-cache' } as const satisfies HeaderFact;

/** RFC 6750 §3: a 401 names the scheme the client should use. */
export const CHALLENGE = {
	name: 'WWW-Authenticate',
	value: 'Bearer',
} as const satisfies HeaderFact;

/** Bodies larger than this are refused with 413 before they are parsed. */
export const MAX_BODY_BYTES = 64 * 1024;

/** A request's header block larger than this is refused with 431 (Node's own limit, stated). */
export const MAX_HEADER_BYTES = 16 * 1024;

/** The seconds the HTTP server waits for a request's headers before it answers 408. */
export const HEADERS_TIMEOUT_SECONDS = 10;

/**
 * **[design, Auth0-style]** Rotation's defaults: a replayed refresh token is rejected alone, and no
 * overlap window hands a just-spent refresh token's pair out again.
 */
export const ROTATION_DEFAULTS = { reusePolicy: 'reject', overlapSeconds: 0 } as const;
