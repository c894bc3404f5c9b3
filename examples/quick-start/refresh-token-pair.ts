/**
 * Step 3 of the quick start: spend the refresh token for a new pair.
 *
 * @see /start/quick-start/
 */
import type { TokenPairResponse } from './issue-token-pair.ts';

// #region refresh-token-pair
export async function refreshTokenPair(options: {
	baseUrl: string;
	refreshToken: string;
}): Promise<TokenPairResponse> {
	// The refresh token goes in the Authorization header, and only ever to this endpoint.
	const response = await fetch(`${options.baseUrl}/3rdparty/v1/auth/token/refresh`, {
		method: 'POST',
		headers: { Authorization: `Bearer ${options.refreshToken}` },
	});
	if (!response.ok) {
		throw new Error(`refresh failed: ${response.status} ${await response.text()}`);
	}
	// Rotation: this pair replaces the old one, and the old refresh token is now spent.
	return (await response.json()) as TokenPairResponse;
}
// #endregion refresh-token-pair
