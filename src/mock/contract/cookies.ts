/**
 * The browser session's `refresh_token` cookie (seeds 003, 004), as data: the mock sets it from
 * this, and the reference and the OpenAPI document describe it from this.
 *
 * `HttpOnly` so page scripts cannot read it, `Secure`, `SameSite=Strict` so cross-site requests do
 * not carry it, and `Path=/auth` so only the session endpoints ever receive it. `Max-Age` is the
 * seconds the refresh token itself has left, so the browser drops the cookie when the token stops
 * working, never later; a cleared cookie has an empty value and `Max-Age=0`.
 */
export const REFRESH_COOKIE = {
	name: 'refresh_token',
	attributes: ['HttpOnly', 'Secure', 'SameSite=Strict', 'Path=/auth'],
} as const;
