import { TokenManager } from '../../../../examples/refresh/token-manager.ts';
import { factText } from '../../../site/facts.ts';
import { CLOCK } from '../../clock/clockSteps.ts';
import { exchange } from '../exchange.ts';
import { defineScenario, type Scenario, type ScenarioEnvironment } from '../Scenario.ts';

const ISSUE = exchange('issueTokenPair');
const REFRESHED = exchange('refreshTokenPair');
const CALLERS = 5;

/** One manager per panel, kept until Reset, as a service keeps one for its lifetime. */
function managerState({ baseUrl, credentials }: ScenarioEnvironment) {
	return { manager: new TokenManager({ baseUrl, ...credentials, scopes: ['messages:send'] }) };
}

/** Run panels for `examples/refresh/token-manager.ts`. */
export const scenarios: readonly Scenario[] = [
	defineScenario({
		file: 'refresh/token-manager.ts',
		region: 'ensure-valid',
		summary: `Calls getAccessToken on one TokenManager (demo account, scope messages:send, ${factText('tokenManager.margin', 'adjective')} margin) that lives until you press Reset.`,
		state: managerState,
		actions: {
			run: { label: 'Run', run: ({ state }) => state.manager.getAccessToken() },
		},
		stories: [
			{
				says: 'The first call logs in and returns access token 1; the next call returns the same token without a request.',
				steps: [
					{ action: 'run', expect: { ok: true, exchanges: [ISSUE], result: '‹access token 1›' } },
					{ action: 'run', expect: { ok: true, exchanges: [], result: '‹access token 1›' } },
				],
			},
			{
				says: `At ${CLOCK.intoMargin.label} access token 1 still has ${factText('tokenManager.margin')} left, but that is inside the margin: the manager refreshes first and returns access token 2.`,
				steps: [
					{ action: 'run', expect: { ok: true, exchanges: [ISSUE] } },
					{ advance: CLOCK.intoMargin.seconds },
					{
						action: 'run',
						expect: { ok: true, exchanges: [REFRESHED], result: '‹access token 2›' },
					},
				],
			},
			{
				says: `After ${CLOCK.refreshLifetime.label} the refresh token has expired as well: the refresh is answered ${factText('error.unauthorized', 'number')}, so the manager revokes that login (a refused refresh may be a thief's doing) and logs in again.`,
				steps: [
					{ action: 'run', expect: { ok: true, exchanges: [ISSUE] } },
					{ advance: CLOCK.refreshLifetime.seconds },
					{
						action: 'run',
						expect: {
							ok: true,
							exchanges: [
								exchange('refreshTokenPair', 'unauthorized'),
								exchange('revokeToken'),
								ISSUE,
							],
							result: '‹access token 2›',
						},
					},
				],
			},
		],
	}),
	defineScenario({
		file: 'refresh/token-manager.ts',
		region: 'single-flight',
		summary: `Calls getAccessToken ${CALLERS} times at once on one TokenManager that lives until you press Reset.`,
		state: managerState,
		actions: {
			run: {
				label: 'Run',
				run: ({ state }) =>
					Promise.all(Array.from({ length: CALLERS }, () => state.manager.getAccessToken())),
			},
		},
		stories: [
			{
				says: `${CALLERS} callers, one login: a single request, and every caller gets access token 1.`,
				steps: [
					{ action: 'run', expect: { ok: true, exchanges: [ISSUE], result: '‹access token 1›' } },
				],
			},
			{
				says: `After ${CLOCK.accessLifetime.label} all ${CALLERS} callers find the token stale at once, and still only one refresh is sent.`,
				steps: [
					{ action: 'run', expect: { ok: true, exchanges: [ISSUE] } },
					{ advance: CLOCK.accessLifetime.seconds },
					{
						action: 'run',
						expect: { ok: true, exchanges: [REFRESHED], result: '‹access token 2›' },
					},
				],
			},
		],
	}),
];
