import { ENDPOINTS } from '../../contract/endpoints.ts';
import { CONTROL_PATHS } from './createControlHandlers.ts';
import { SERVER_ENV, type ServerConfig } from './readServerConfig.ts';

/** What `npm run mock-api` prints once it listens: where, who to log in as, what to call. */
export function formatBanner(config: ServerConfig, url: string): string {
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
		`Demo account: ${config.username} / ${config.password}`,
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
