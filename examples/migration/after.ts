/**
 * After the migration: the same sender on a token pair. The credentials are used once at start
 * and again only if the refresh token is refused; everything else is a refresh.
 *
 * @see /help/migration/
 */
import { createAuthorizedFetch } from '../refresh/authorized-fetch.ts';
import { TokenManager } from '../refresh/token-manager.ts';
import type { SenderConfig } from './before.ts';

// #region after
export function createMessageSender(config: SenderConfig) {
	const tokens = new TokenManager({ ...config, scopes: ['messages:send'] });
	const authorizedFetch = createAuthorizedFetch(tokens);
	return async (phoneNumber: string, text: string) => {
		const response = await authorizedFetch(`${config.baseUrl}/3rdparty/v1/messages`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ phoneNumbers: [phoneNumber], textMessage: { text } }),
		});
		if (!response.ok) throw new Error(`sending failed: ${response.status}`);
		return (await response.json()) as { id: string; state: string };
	};
}
// #endregion after
