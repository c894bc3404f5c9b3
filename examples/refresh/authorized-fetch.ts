/**
 * `fetch` with the access token attached: on a 401 it refreshes once and retries once, and a
 * second 401 goes back to the caller instead of looping.
 *
 * @see /guides/refresh-and-rotation/
 */

// #region authorized-fetch
/** Anything that hands out access tokens and can be told one was refused, like `TokenManager`. */
export interface AccessTokenSource {
	getAccessToken(): Promise<string>;
	invalidate(accessToken: string): void;
}

/**
 * Returns a `fetch` that authorizes each request. Bodies are sent twice on a retry, so pass
 * strings or other reusable bodies, not streams.
 */
export function createAuthorizedFetch(tokens: AccessTokenSource) {
	return async function authorizedFetch(url: string | URL, init: RequestInit = {}) {
		const send = (accessToken: string) => {
			const headers = new Headers(init.headers);
			headers.set('Authorization', `Bearer ${accessToken}`);
			return fetch(url, { ...init, headers });
		};
		const accessToken = await tokens.getAccessToken();
		const response = await send(accessToken);
		if (response.status !== 401) return response;

		// The token was refused before its time (revoked, or the clock lied): refresh and retry
		// once. Whatever the retry answers is final, so a persistent 401 cannot loop.
		tokens.invalidate(accessToken);
		await response.text(); // read the refused answer to its end, which frees the connection
		return send(await tokens.getAccessToken());
	};
}
// #endregion authorized-fetch
