import { issueTokenPair } from '../../../../examples/quick-start/issue-token-pair.ts';
import { factText } from '../../../site/facts.ts';
import { exchange } from '../exchange.ts';
import { defineScenario, type Scenario } from '../Scenario.ts';

const ISSUE = exchange('issueTokenPair');

/** Run panels for `examples/quick-start/issue-token-pair.ts`. */
export const scenarios: readonly Scenario[] = [
	defineScenario({
		file: 'quick-start/issue-token-pair.ts',
		region: 'issue-token-pair',
		summary:
			'Calls issueTokenPair with the demo account (demo / demo-password) and the scope messages:send.',
		state: () => ({}),
		actions: {
			run: {
				label: 'Run',
				run: ({ baseUrl, credentials }) =>
					issueTokenPair({ baseUrl, ...credentials, scopes: ['messages:send'] }),
			},
		},
		stories: [
			{
				says: `The API answers ${factText('status.issueTokenPair')} with access token 1, refresh token 1 and expires_at, ${factText('access.lifetime')} after the clock’s now.`,
				steps: [
					{
						action: 'run',
						expect: {
							ok: true,
							exchanges: [ISSUE],
							result: '"refresh_token": "‹refresh token 1›"',
						},
					},
				],
			},
			{
				says: 'Every run is a new login with a pair of its own: the second run returns access token 2.',
				steps: [
					{ action: 'run', expect: { ok: true, exchanges: [ISSUE], result: '‹access token 1›' } },
					{ action: 'run', expect: { ok: true, exchanges: [ISSUE], result: '‹access token 2›' } },
				],
			},
		],
	}),
];
