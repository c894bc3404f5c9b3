/**
 * Read a token pair response defensively: check every field before keeping any of them, so a
 * malformed body can never leave a half-stored pair behind.
 *
 * @see /concepts/token-pairs/
 */

// #region parse-token-pair
export interface TokenPair {
	/** The access token's id (`jti`): pass it to revoke the pair. */
	id: string;
	accessToken: string;
	refreshToken: string;
	/** When the access token expires, in milliseconds since the epoch (like `Date.now()`). */
	expiresAt: number;
}

export function parseTokenPair(body: unknown): TokenPair {
	const fields = (body ?? {}) as Record<string, unknown>;
	const { id, token_type, access_token, refresh_token, expires_at } = fields;
	const expiresAt = typeof expires_at === 'string' ? Date.parse(expires_at) : Number.NaN;
	if (
		typeof id !== 'string' ||
		token_type !== 'Bearer' ||
		typeof access_token !== 'string' ||
		typeof refresh_token !== 'string' ||
		Number.isNaN(expiresAt)
	) {
		throw new TypeError('the token endpoint answered without a complete token pair');
	}
	return { id, accessToken: access_token, refreshToken: refresh_token, expiresAt };
}
// #endregion parse-token-pair
