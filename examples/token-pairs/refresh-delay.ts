/**
 * Work out when to refresh from the response itself, in milliseconds, so neither a seconds/ms mix-up
 * nor a wrong client clock makes the refresh late.
 *
 * @see /concepts/token-pairs/
 */

// #region refresh-delay
/** Refresh this many seconds before expiry, unless told otherwise. */
export const DEFAULT_MARGIN_SECONDS = 60;

/**
 * Milliseconds to wait before refreshing, counted from when `response` arrived.
 *
 * `expiresAt` (from `expires_at`) and the response's `Date` header both come from the server's
 * clock, so their difference is the token's lifetime whatever this machine's clock says.
 */
export function refreshDelay(
	response: Response,
	expiresAt: number,
	marginSeconds = DEFAULT_MARGIN_SECONDS
): number {
	const serverNow = Date.parse(response.headers.get('Date') ?? '');
	const lifetime = expiresAt - (Number.isNaN(serverNow) ? Date.now() : serverNow);
	const margin = marginSeconds * 1000; // seconds → milliseconds, the unit of Date.now()
	// With a margin longer than half the token's life, refresh at half-life instead (a 60 s margin
	// on a 60 s token would mean refreshing on every call).
	return Math.max(lifetime - margin, lifetime / 2, 0);
}
// #endregion refresh-delay
