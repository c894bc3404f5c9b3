import type { Account } from '../../auth/Account.ts';
import { ENDPOINTS } from '../../contract/endpoints.ts';
import { CONTROL_PATHS } from './createControlHandlers.ts';
import { SERVER_ENV, type ServerConfig } from './readServerConfig.ts';

/**
 * What `npm run mock-api` prints once it listens: where, every account it accepts (and nothing
 * else logs in), what to call.
 */
export function formatBanner(
	config: ServerConfig,
	url: string,
	accounts: readonly Account[]
): string {
	const width = Math.max(...ENDPOINTS.map(({ method, path }) => `${method} ${path}`.length));
	const endpoints = ENDPOINTS.map(
		({ method, path, summary }) => `  ${`${method} ${path}`.padEnd(width)}  ${summary}`
	);
	const settings = Object.entries(SERVER_ENV).map(
		([name, { meaning }]) => `  ${name.padEnd(21)} ${meaning}`
	);
	const body = JSON.stringify({ scopes: ['messages:send', 'messages:read'] });
	return [
		`Token Pair API mock listening on ${url}`,
		'',
		...accounts.map(
			(account, index) =>
				`${index === 0 ? 'Demo account' : 'Second account'}: ${account.username} / ${account.password}`
		),
		...(accounts.length < 2
			? ['No second account (set MOCK_OTHER_USERNAME and MOCK_OTHER_PASSWORD to add one)']
			: []),
		`Reuse policy: ${config.reusePolicy}; overlap window: ${config.overlapSeconds} s`,
		'',
		'Endpoints:',
		...endpoints,
		'',
		'Mock-only controls (not part of the real API):',
		`  POST ${CONTROL_PATHS.clock} {"advance": <seconds>}   move the mock's clock forward`,
		`  POST ${CONTROL_PATHS.reset}                          forget every token and clock move`,
		'',
		'Try:',
		`  curl -i -X POST ${url}/3rdparty/v1/auth/token -u '${config.username}:${config.password}' \\`,
		`    -H 'Content-Type: application/json' -d '${body}'`,
		'',
		'Settings (environment variables):',
		...settings,
		'',
		'Press Ctrl+C to stop.',
	].join('\n');
}
