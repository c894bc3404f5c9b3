import { issueTokenPair } from '../../../../examples/quick-start/issue-token-pair.ts';
import { sendMessage } from '../../../../examples/quick-start/send-message.ts';
import { defineScenario, type Scenario } from '../Scenario.ts';

const SEND_ACCEPTED = 'POST /3rdparty/v1/messages 202';

/** Run panels for `examples/quick-start/send-message.ts`. */
export const scenarios: readonly Scenario[] = [
	defineScenario({
		file: 'quick-start/send-message.ts',
		region: 'send-message',
		summary:
			'Calls sendMessage with an access token, issued (as setup) on the first run and kept until you press Reset.',
		state: (): { accessToken?: string } => ({}),
		actions: {
			run: {
				label: 'Run',
				async run({ baseUrl, credentials, state, setup }) {
					state.accessToken ??= (
						await setup(() =>
							issueTokenPair({ baseUrl, ...credentials, scopes: ['messages:send'] })
						)
					).access_token;
					return sendMessage({
						baseUrl,
						accessToken: state.accessToken,
						phoneNumber: '+15555550100',
						text: 'Hello from the docs',
					});
				},
			},
		},
		stories: [
			{
				says: 'Access token 1 is accepted: 202 Accepted, and the message is Pending.',
				steps: [
					{
						action: 'run',
						expect: {
							ok: true,
							exchanges: ['setup POST /3rdparty/v1/auth/token 201', SEND_ACCEPTED],
							result: '"state": "Pending"',
						},
					},
				],
			},
			{
				says: 'After 14 minutes the same token still works; one more minute and it has expired: 401, and sendMessage throws.',
				steps: [
					{
						action: 'run',
						expect: {
							ok: true,
							exchanges: ['setup POST /3rdparty/v1/auth/token 201', SEND_ACCEPTED],
						},
					},
					{ advance: 14 * 60 },
					{ action: 'run', expect: { ok: true, exchanges: [SEND_ACCEPTED] } },
					{ advance: 60 },
					{
						action: 'run',
						expect: {
							ok: false,
							exchanges: ['POST /3rdparty/v1/messages 401'],
							result: 'sending failed: 401',
						},
					},
				],
			},
		],
	}),
];
