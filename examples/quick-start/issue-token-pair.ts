/**
 * Step 1 of the quick start: trade your account credentials for a token pair.
 *
 * @see /start/quick-start/
 */
import { basicAuth } from '../service-tokens/create-service-token.ts';

// #region issue-token-pair
/** The body of a 201 from the token endpoints, as the API sends it. */
export interface TokenPairResponse {
	id: string;
	token_type: 'Bearer';
	access_token: string;
	refresh_token: string;
	/** When the access token expires, e.g. "2026-03-14T02:00:00Z". */
	expires_at: string;
}

export async function issueTokenPair(options: {
	baseUrl: string;
	username: string;
	password: string;
	scopes: string[];
}): Promise<TokenPairResponse> {
	const response = await fetch(`${options.baseUrl}/3rdparty/v1/auth/token`, {
		method: 'POST',
		headers: {
			Authorization: basicAuth(options.username, options.password),
			'Content-Type': 'application/json',
		},
		body: JSON.stringify({ scopes: options.scopes }),
	});
	// The API answers 201 Created, not 200: test `ok`, never `status === 200`.
	if (!response.ok) {
		throw new Error(`issuing a token pair failed: ${response.status} ${await response.text()}`);
	}
	return (await response.json()) as TokenPairResponse;
}
// #endregion issue-token-pair
