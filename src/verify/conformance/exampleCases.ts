/**
 * The examples' flows that need no control of the clock, run against the server under test: the
 * code readers copy must work against the real API, not only against the mock.
 */
import { SessionClient } from '../../../examples/browser-apps/session-client.ts';
import { main as quickStart } from '../../../examples/quick-start/main.ts';
import { TokenManager } from '../../../examples/refresh/token-manager.ts';
import { createServiceToken } from '../../../examples/service-tokens/create-service-token.ts';
import { RenewalJob } from '../../../examples/service-tokens/renewal-job.ts';
import { REFRESH_COOKIE } from '../../mock/contract/http.ts';
import { CaseFailure, type ConformanceClient } from './ConformanceClient.ts';
import { cookieValue, type ConformanceCase } from './conformanceCases.ts';

const PROBE = '/3rdparty/v1/messages/no-such-message';

/** An authenticated probe answers 404 (no such message); a refused token 401. */
async function works(client: ConformanceClient, token: string): Promise<boolean> {
	const answer = await client.send({
		method: 'GET',
		path: PROBE,
		headers: { Authorization: `Bearer ${token}` },
	});
	return answer.status === 404;
}

/** Runs with `console.log` silenced: the examples narrate, the suite prints one line per case. */
async function quietly<T>(run: () => Promise<T>): Promise<T> {
	const log = console.log;
	console.log = () => {};
	try {
		return await run();
	} finally {
		console.log = log;
	}
}

/**
 * A `fetch` with the one cookie a browser would keep for the session endpoints: what the server
 * sets on `/auth` responses is sent back to `/auth` requests.
 */
function cookieJarFetch(): typeof fetch {
	let cookie: string | undefined;
	return async (input, init = {}) => {
		const url = new URL(String(input));
		const headers = new Headers(init.headers);
		if (cookie && url.pathname.startsWith('/auth/')) {
			headers.set('Cookie', `${REFRESH_COOKIE.name}=${cookie}`);
		}
		const response = await fetch(url, { ...init, headers });
		const set = cookieValue(response.headers.get('set-cookie'));
		if (set !== undefined) cookie = set === '' ? undefined : set;
		return response;
	};
}

export function exampleCases(): ConformanceCase[] {
	return [
		{
			name: 'example quick-start/main.ts: issue, send, refresh',
			run: async (client) => {
				const next = await quietly(() =>
					quickStart({
						API_BASE_URL: client.baseUrl,
						API_USERNAME: client.username,
						API_PASSWORD: client.password,
					})
				);
				if (!next.refresh_token) throw new CaseFailure('the quick start ended without a pair');
			},
		},
		{
			name: 'example refresh/token-manager.ts: a refused token is refreshed once',
			run: async (client) => {
				const manager = new TokenManager({
					baseUrl: client.baseUrl,
					username: client.username,
					password: client.password,
					scopes: ['messages:read'],
				});
				try {
					const first = await manager.getAccessToken();
					manager.invalidate(first);
					const second = await manager.getAccessToken();
					if (second === first) throw new CaseFailure('no new access token after invalidate()');
					if (!(await works(client, second)))
						throw new CaseFailure('the refreshed token is refused');
				} finally {
					await manager.revoke();
				}
			},
		},
		{
			name: 'example service-tokens/renewal-job.ts: renewNow() hands over a new token',
			run: async (client) => {
				const credentials = {
					baseUrl: client.baseUrl,
					username: client.username,
					password: client.password,
				};
				const token = await createServiceToken({
					...credentials,
					name: 'conformance-renewal',
					scopes: ['messages:read'],
				});
				const handed: string[] = [];
				const job = new RenewalJob(
					{ ...credentials, ttlSeconds: 3_600, onRenewed: (next) => void handed.push(next.id) },
					token
				);
				try {
					const renewed = await job.renewNow();
					if (renewed.id === token.id) throw new CaseFailure('renewal kept the old id');
					if (handed[0] !== renewed.id) throw new CaseFailure('onRenewed was not given the token');
					if (!(await works(client, renewed.token)))
						throw new CaseFailure('the renewed token is refused');
				} finally {
					job.stop();
				}
			},
		},
		{
			name: 'example browser-apps/session-client.ts: log in, refresh from the cookie, call',
			run: async (client) => {
				const session = new SessionClient({
					baseUrl: client.baseUrl,
					fetch: cookieJarFetch(),
					locks: null,
					channel: new BroadcastChannel(`conformance-${crypto.randomUUID()}`),
					indexedDB: null,
				});
				try {
					await session.login(client.username, client.password);
					const token = await session.refresh();
					if (!token) throw new CaseFailure('the refresh from the cookie found no session');
					const answer = await session.fetch(PROBE);
					if (answer.status !== 404)
						throw new CaseFailure(`a call with the session got ${answer.status}`);
					await session.logout();
				} finally {
					session.dispose();
				}
			},
		},
	];
}
