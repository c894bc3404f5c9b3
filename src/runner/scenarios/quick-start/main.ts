import { main } from '../../../../examples/quick-start/main.ts';
import { factText } from '../../../site/facts.ts';
import { exchange } from '../exchange.ts';
import { defineScenario, type Scenario } from '../Scenario.ts';

/** Run panels for `examples/quick-start/main.ts`. */
export const scenarios: readonly Scenario[] = [
	defineScenario({
		file: 'quick-start/main.ts',
		region: 'main',
		summary:
			'Calls main with API_BASE_URL set to this page’s origin and the demo account in API_USERNAME and API_PASSWORD.',
		state: () => ({}),
		actions: {
			run: {
				label: 'Run',
				run: ({ baseUrl, credentials }) =>
					main({
						API_BASE_URL: baseUrl,
						API_USERNAME: credentials.username,
						API_PASSWORD: credentials.password,
					}),
			},
		},
		stories: [
			{
				says: `Issue (${factText('status.issueTokenPair', 'number')}), send (${factText('status.sendMessage', 'number')}), refresh (${factText('status.refreshTokenPair', 'number')}); main logs a line after each step and returns the rotated pair.`,
				steps: [
					{
						action: 'run',
						expect: {
							ok: true,
							exchanges: [
								exchange('issueTokenPair'),
								exchange('sendMessage'),
								exchange('refreshTokenPair'),
							],
							logs: ['issued; access token expires at', 'is Pending', 'rotated to pair'],
							result: '"access_token": "‹access token 2›"',
						},
					},
				],
			},
		],
	}),
];
