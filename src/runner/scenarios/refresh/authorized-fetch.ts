import { createAuthorizedFetch } from '../../../../examples/refresh/authorized-fetch.ts';
import { TokenManager } from '../../../../examples/refresh/token-manager.ts';
import { jwtClaims } from '../../../mock/tokens/jwt.ts';
import { factText } from '../../../site/facts.ts';
import { CLOCK } from '../../clock/clockSteps.ts';
import { exchange } from '../exchange.ts';
import {
	defineScenario,
	type RunContext,
	type Scenario,
	type ScenarioEnvironment,
} from '../Scenario.ts';

const ISSUE = exchange('issueTokenPair');
const SENT = exchange('sendMessage');
const SENT_RESULT = `"status": ${factText('status.sendMessage', 'number')}`;
const UNAUTHORIZED = factText('error.unauthorized', 'number');

function authorizedFetchState({ baseUrl, credentials }: ScenarioEnvironment) {
	const manager = new TokenManager({ baseUrl, ...credentials, scopes: ['messages:send'] });
	return { manager, authorizedFetch: createAuthorizedFetch(manager) };
}

type State = ReturnType<typeof authorizedFetchState>;

async function sendThroughWrapper({ baseUrl, state }: RunContext<State>) {
	const response = await state.authorizedFetch(`${baseUrl}/3rdparty/v1/messages`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({
			phoneNumbers: ['+15555550100'],
			textMessage: { text: 'Hello from the docs' },
		}),
	});
	return { status: response.status, body: await response.json() };
}

/** Run panels for `examples/refresh/authorized-fetch.ts`. */
export const scenarios: readonly Scenario[] = [
	defineScenario({
		file: 'refresh/authorized-fetch.ts',
		region: 'authorized-fetch',
		summary:
			'Sends a message through createAuthorizedFetch, backed by one TokenManager (demo account, scope messages:send) that lives until you press Reset.',
		state: authorizedFetchState,
		actions: {
			run: { label: 'Run', run: sendThroughWrapper },
			revoke: {
				label: 'Revoke the access token, then run',
				async run(context) {
					const { baseUrl, credentials, state, setup } = context;
					await setup(async () => {
						const { jti } = jwtClaims(await state.manager.getAccessToken()) ?? {};
						const basic = btoa(`${credentials.username}:${credentials.password}`);
						const response = await fetch(`${baseUrl}/3rdparty/v1/auth/token/${String(jti)}`, {
							method: 'DELETE',
							headers: { Authorization: `Basic ${basic}` },
						});
						if (!response.ok) throw new Error(`revoking failed: ${response.status}`);
					});
					return sendThroughWrapper(context);
				},
			},
		},
		stories: [
			{
				says: `The wrapper gets access token 1 from the manager and the message is accepted: ${factText('status.sendMessage', 'number')}.`,
				steps: [
					{
						action: 'run',
						expect: { ok: true, exchanges: [ISSUE, SENT], result: SENT_RESULT },
					},
				],
			},
			{
				says: `A token revoked before its time is refused: ${UNAUTHORIZED}. The wrapper invalidates it and retries once; the refresh is refused too (revoking the access token revoked its refresh token), so the manager revokes that login and logs in again, and the retry gets ${factText('status.sendMessage', 'number')}.`,
				steps: [
					{ action: 'run', expect: { ok: true, exchanges: [ISSUE, SENT] } },
					{
						action: 'revoke',
						expect: {
							ok: true,
							exchanges: [
								`setup ${exchange('revokeToken')}`,
								exchange('sendMessage', 'unauthorized'),
								exchange('refreshTokenPair', 'unauthorized'),
								exchange('revokeToken'),
								ISSUE,
								SENT,
							],
							result: SENT_RESULT,
						},
					},
				],
			},
			{
				says: `After ${CLOCK.accessLifetime.label} the manager refreshes before sending, so the API never answers ${UNAUTHORIZED}.`,
				steps: [
					{ action: 'run', expect: { ok: true, exchanges: [ISSUE, SENT] } },
					{ advance: CLOCK.accessLifetime.seconds },
					{
						action: 'run',
						expect: {
							ok: true,
							exchanges: [exchange('refreshTokenPair'), SENT],
							result: SENT_RESULT,
						},
					},
				],
			},
		],
	}),
];
