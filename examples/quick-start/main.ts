/**
 * The quick start in one run: issue a pair, call the API, refresh, call again.
 *
 * Run it against the local mock with `npm run mock-api` and, in another terminal,
 * `API_BASE_URL=http://127.0.0.1:8787 API_USERNAME=demo API_PASSWORD=demo-password node examples/quick-start/main.ts`.
 *
 * @see /start/quick-start/
 */
import { issueTokenPair } from './issue-token-pair.ts';
import { refreshTokenPair } from './refresh-token-pair.ts';
import { sendMessage } from './send-message.ts';

// #region main
export async function main(env: Record<string, string | undefined> = process.env) {
	const baseUrl = env['API_BASE_URL'];
	const username = env['API_USERNAME'];
	const password = env['API_PASSWORD'];
	if (!baseUrl || !username || !password) {
		throw new Error('set API_BASE_URL, API_USERNAME and API_PASSWORD');
	}

	const pair = await issueTokenPair({ baseUrl, username, password, scopes: ['messages:send'] });
	console.log(`pair ${pair.id} issued; access token expires at ${pair.expires_at}`);

	const message = await sendMessage({
		baseUrl,
		accessToken: pair.access_token,
		phoneNumber: '+15555550100',
		text: 'Hello from the quick start',
	});
	console.log(`message ${message.id} is ${message.state}`);

	const next = await refreshTokenPair({ baseUrl, refreshToken: pair.refresh_token });
	console.log(`rotated to pair ${next.id}; keep its refresh token, the old one is spent`);
	return next;
}
// #endregion main

if (import.meta.main) {
	await main();
}
