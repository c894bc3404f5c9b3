/**
 * The scenarios both languages implement, in TypeScript: each runs the TypeScript examples against
 * a fresh mock at `baseUrl`; tests/python/test_equivalence.py runs the Python examples through the
 * same steps under the same names, and tests/python/pythonExamples.test.ts compares the exchanges
 * the mock saw. Steps that fail on purpose catch their error, as the Python side does.
 */
import { TokenDaemon } from '../../examples/long-running/token-daemon.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { issueTokenPair } from '../../examples/quick-start/issue-token-pair.ts';
import { main } from '../../examples/quick-start/main.ts';
import { refreshTokenPair } from '../../examples/quick-start/refresh-token-pair.ts';
import { sendMessage } from '../../examples/quick-start/send-message.ts';
import { createMessageSender as createMessageSenderAfter } from '../../examples/migration/after.ts';
import { createMessageSender } from '../../examples/migration/before.ts';
import { TokenManager } from '../../examples/refresh/token-manager.ts';
import { changePassword, endAllLogins } from '../../examples/refresh/end-all-logins.ts';
import { createAuthorizedFetch } from '../../examples/refresh/authorized-fetch.ts';
import { probeReusePolicy } from '../../examples/refresh/reuse-policy.ts';
import { createServiceToken } from '../../examples/service-tokens/create-service-token.ts';
import {
	DirectorySecretStore,
	renewDueTokens,
} from '../../examples/service-tokens/renew-due-tokens.ts';
import { RenewalJob } from '../../examples/service-tokens/renewal-job.ts';

const DEMO = { username: 'demo', password: 'demo-password' };
const ignore = () => undefined;

export const scenarios: Record<string, (baseUrl: string) => Promise<unknown>> = {
	'quick-start': async (baseUrl) => {
		const pair = await issueTokenPair({ baseUrl, ...DEMO, scopes: ['messages:send'] });
		await sendMessage({
			baseUrl,
			accessToken: pair.access_token,
			phoneNumber: '+15555550100',
			text: 'hi',
		});
		await refreshTokenPair({ baseUrl, refreshToken: pair.refresh_token });
		await refreshTokenPair({ baseUrl, refreshToken: pair.refresh_token }).catch(ignore);
		await issueTokenPair({ baseUrl, ...DEMO, password: 'wrong', scopes: ['messages:send'] }).catch(
			ignore
		);
	},
	'quick-start main': async (baseUrl) => {
		const log = console.log;
		console.log = ignore;
		try {
			await main({
				API_BASE_URL: baseUrl,
				API_USERNAME: DEMO.username,
				API_PASSWORD: DEMO.password,
			});
		} finally {
			console.log = log;
		}
	},
	'create service token': async (baseUrl) => {
		const options = { baseUrl, ...DEMO, name: 'nightly-report', scopes: ['messages:read'] };
		await createServiceToken({ ...options, ttl: 86_400 });
		await createServiceToken(options);
		await createServiceToken({ ...options, ttl: 30 * 86_400, scopes: ['settings:write'] }).catch(
			ignore
		);
	},
	'migration before': async (baseUrl) => {
		const send = createMessageSender({ baseUrl, ...DEMO });
		await send('+15555550100', 'one');
		await send('+15555550100', 'two');
		await send('', 'no number').catch(ignore);
	},
	'authorized fetch': async (baseUrl) => {
		// A token source whose first token the API refuses: one refresh, one retry.
		let pair = await issueTokenPair({ baseUrl, ...DEMO, scopes: ['messages:send'] });
		let accessToken = 'not-a-token';
		const authorizedFetch = createAuthorizedFetch({
			getAccessToken: async () => {
				if (accessToken === '') {
					pair = await refreshTokenPair({ baseUrl, refreshToken: pair.refresh_token });
					accessToken = pair.access_token;
				}
				return accessToken;
			},
			invalidate: () => {
				accessToken = '';
			},
		});
		await authorizedFetch(`${baseUrl}/3rdparty/v1/messages`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ phoneNumbers: ['+15555550100'], textMessage: { text: 'hi' } }),
		});
	},
	'migration after': async (baseUrl) => {
		const send = createMessageSenderAfter({ baseUrl, ...DEMO });
		await send('+15555550100', 'one');
		await send('+15555550100', 'two');
		await send('', 'no number').catch(ignore);
	},
	'token manager': async (baseUrl) => {
		const tokens = new TokenManager({ baseUrl, ...DEMO, scopes: ['messages:send'] });
		const first = await tokens.getAccessToken();
		tokens.invalidate(first);
		await tokens.getAccessToken();
		await tokens.revoke();
	},
	'token daemon': async (baseUrl) => {
		const daemon = new TokenDaemon({ baseUrl, ...DEMO, scopes: ['messages:send'] });
		await daemon.start();
		await daemon.invalidate(daemon.accessToken);
		await daemon.revoke();
	},
	'end all logins': async (baseUrl) => {
		await issueTokenPair({ baseUrl, ...DEMO, scopes: ['messages:read'] });
		await endAllLogins({ baseUrl, ...DEMO });
		await changePassword({ baseUrl, ...DEMO, newPassword: 'a-new-long-password' });
		await changePassword({ baseUrl, ...DEMO, newPassword: 'another-long-one' }).catch(ignore);
	},
	'renewal job': async (baseUrl) => {
		const options = { baseUrl, ...DEMO, name: 'reports', scopes: ['messages:read'], ttl: 86_400 };
		const job = new RenewalJob(
			{ baseUrl, ...DEMO, ttlSeconds: 30 * 86_400, onRenewed: ignore },
			await createServiceToken(options)
		);
		await job.renewNow();
		await job.renewNow();
	},
	'cron run': async (baseUrl) => {
		const directory = mkdtempSync(join(tmpdir(), 'cron-run-'));
		try {
			const options = {
				baseUrl,
				...DEMO,
				tokens: [{ name: 'billing-sync', scopes: ['messages:read'] }],
				renewBeforeSeconds: 100 * 86_400, // everything is due: the run renews
				secrets: new DirectorySecretStore(directory),
			};
			await renewDueTokens(options);
			await renewDueTokens(options);
			await renewDueTokens(options);
		} finally {
			rmSync(directory, { recursive: true, force: true });
		}
	},
	'reuse-policy probe': (baseUrl) => probeReusePolicy({ baseUrl, ...DEMO }),
};
