import { main } from '../../../../examples/quick-start/main.ts';
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
				says: 'Issue (201), send (202), refresh (201); main logs a line after each step and returns the rotated pair.',
				steps: [
					{
						action: 'run',
						expect: {
							ok: true,
							exchanges: [
								'POST /3rdparty/v1/auth/token 201',
								'POST /3rdparty/v1/messages 202',
								'POST /3rdparty/v1/auth/token/refresh 201',
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
