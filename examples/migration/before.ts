/**
 * Before the migration: an access token alone, so the service sends its password again each time
 * the access token expires. Kept to show what changes; do not start new code from it.
 *
 * @see /help/migration/
 */
import { basicAuth } from '../service-tokens/create-service-token.ts';

// #region before
export interface SenderConfig {
	baseUrl: string;
	username: string;
	password: string;
}

export class AccessOnlyClient {
	readonly #config: SenderConfig;
	#token: { value: string; expiresAt: number } | undefined;

	constructor(config: SenderConfig) {
		this.#config = config;
	}

	async getAccessToken(): Promise<string> {
		if (this.#token && Date.now() < this.#token.expiresAt - 60_000) return this.#token.value;
		// Every time the access token expires, the credentials cross the network again.
		const { baseUrl, username, password } = this.#config;
		const response = await fetch(`${baseUrl}/3rdparty/v1/auth/token`, {
			method: 'POST',
			headers: {
				Authorization: basicAuth(username, password),
				'Content-Type': 'application/json',
			},
			body: JSON.stringify({ scopes: ['messages:send'] }),
		});
		if (!response.ok) throw new Error(`authentication failed: ${response.status}`);
		const body = (await response.json()) as { access_token: string; expires_at: string };
		this.#token = { value: body.access_token, expiresAt: Date.parse(body.expires_at) };
		return body.access_token;
	}
}

export function createMessageSender(config: SenderConfig) {
	const tokens = new AccessOnlyClient(config);
	return async (phoneNumber: string, text: string) => {
		const response = await fetch(`${config.baseUrl}/3rdparty/v1/messages`, {
			method: 'POST',
			headers: {
				Authorization: `Bearer ${await tokens.getAccessToken()}`,
				'Content-Type': 'application/json',
			},
			body: JSON.stringify({ phoneNumbers: [phoneNumber], textMessage: { text } }),
		});
		if (!response.ok) throw new Error(`sending failed: ${response.status}`);
		return (await response.json()) as { id: string; state: string };
	};
}
// #endregion before
