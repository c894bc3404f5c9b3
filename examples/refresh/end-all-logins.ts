/**
 * End every login of an account at once, for when a credential may have been stolen: revoke each
 * service token, and each login's first pair (which revokes every pair rotated from it).
 *
 * @see /guides/refresh-and-rotation/
 */
import { CredentialsRejected, withRetries } from '../long-running/with-retries.ts';
import { basicAuth } from '../service-tokens/create-service-token.ts';

// #region end-all-logins
export interface EndAllLoginsOptions {
	baseUrl: string;
	username: string;
	password: string;
	/**
	 * The first pair's `id` of every login your services hold (a token store keeps it as
	 * `loginId`). The API cannot list logins, so these come from your own records.
	 */
	loginIds: string[];
}

/** Revokes everything it can find; returns the ids it revoked. */
export async function endAllLogins(options: EndAllLoginsOptions): Promise<string[]> {
	const { baseUrl, username, password, loginIds } = options;
	const send = (method: string, path: string) =>
		withRetries(async () => {
			const response = await fetch(`${baseUrl}${path}`, {
				method,
				headers: { Authorization: basicAuth(username, password) },
				signal: AbortSignal.timeout(10_000),
			});
			if (!response.ok) throw await CredentialsRejected.from(response);
			return response;
		});

	const listed = await send('GET', '/3rdparty/v1/service-tokens');
	const serviceTokens = (await listed.json()) as { id: string }[];
	const ids = [...serviceTokens.map((token) => token.id), ...loginIds];
	for (const id of ids) {
		// 204 whether or not the id still exists: running this twice is harmless.
		await send('DELETE', `/3rdparty/v1/auth/token/${id}`);
	}
	return ids;
}
// #endregion end-all-logins
