import { issueTokenPair } from '../../../../examples/quick-start/issue-token-pair.ts';
import { refreshTokenPair } from '../../../../examples/quick-start/refresh-token-pair.ts';
import { factText } from '../../../site/facts.ts';
import { CLOCK } from '../../clock/clockSteps.ts';
import { exchange } from '../exchange.ts';
import { defineScenario, type Scenario } from '../Scenario.ts';

const SETUP_ISSUE = `setup ${exchange('issueTokenPair')}`;
const REFRESHED = exchange('refreshTokenPair');
const REFUSED = exchange('refreshTokenPair', 'unauthorized');
const REFUSED_RESULT = `refresh failed: ${factText('error.unauthorized', 'number')}`;

interface RefreshState {
	/** The refresh token to spend next. */
	current?: string;
	/** Refresh tokens already spent, oldest first. */
	spent: string[];
}

/** Run panels for `examples/quick-start/refresh-token-pair.ts`. */
export const scenarios: readonly Scenario[] = [
	defineScenario({
		file: 'quick-start/refresh-token-pair.ts',
		region: 'refresh-token-pair',
		summary:
			'Calls refreshTokenPair with the newest refresh token (the first pair is issued as setup) and keeps the rotated one for the next run.',
		state: (): RefreshState => ({ spent: [] }),
		actions: {
			run: {
				label: 'Run',
				async run({ baseUrl, credentials, state, setup }) {
					state.current ??= (
						await setup(() =>
							issueTokenPair({ baseUrl, ...credentials, scopes: ['messages:send'] })
						)
					).refresh_token;
					const refreshToken = state.current;
					const next = await refreshTokenPair({ baseUrl, refreshToken });
					state.spent.push(refreshToken);
					state.current = next.refresh_token;
					return next;
				},
			},
			replay: {
				label: 'Replay the spent refresh token',
				run({ baseUrl, state }) {
					const refreshToken = state.spent.at(-1);
					if (refreshToken === undefined) {
						return Promise.reject(new Error('nothing spent yet: press Run first'));
					}
					return refreshTokenPair({ baseUrl, refreshToken });
				},
			},
		},
		stories: [
			{
				says: `Refresh token 1 is spent for a new pair: ${factText('status.refreshTokenPair')} with access token 2 and refresh token 2.`,
				steps: [
					{
						action: 'run',
						expect: {
							ok: true,
							exchanges: [SETUP_ISSUE, REFRESHED],
							result: '"refresh_token": "‹refresh token 2›"',
						},
					},
				],
			},
			{
				says: `Sending the spent refresh token again is reuse: ${factText('error.unauthorized', 'number')}. The newest refresh token still works.`,
				steps: [
					{ action: 'run', expect: { ok: true, exchanges: [SETUP_ISSUE, REFRESHED] } },
					{
						action: 'replay',
						expect: { ok: false, exchanges: [REFUSED], result: REFUSED_RESULT },
					},
					{
						action: 'run',
						expect: {
							ok: true,
							exchanges: [REFRESHED],
							result: '"refresh_token": "‹refresh token 3›"',
						},
					},
				],
			},
			{
				says: `A refresh token lives ${factText('refresh.lifetime')}: after ${CLOCK.refreshLifetime.label} the newest one is refused with ${factText('error.unauthorized', 'number')}, and only a new login helps.`,
				steps: [
					{ action: 'run', expect: { ok: true, exchanges: [SETUP_ISSUE, REFRESHED] } },
					{ advance: CLOCK.refreshLifetime.seconds },
					{
						action: 'run',
						expect: { ok: false, exchanges: [REFUSED], result: REFUSED_RESULT },
					},
				],
			},
		],
	}),
];
