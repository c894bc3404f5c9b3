import { issueTokenPair } from '../../../../examples/quick-start/issue-token-pair.ts';
import { sendMessage } from '../../../../examples/quick-start/send-message.ts';
import { factText } from '../../../site/facts.ts';
import { CLOCK } from '../../clock/clockSteps.ts';
import { exchange } from '../exchange.ts';
import { defineScenario, type Scenario } from '../Scenario.ts';

const SETUP_ISSUE = `setup ${exchange('issueTokenPair')}`;
const SEND_ACCEPTED = exchange('sendMessage');

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
				says: `Access token 1 is accepted: ${factText('status.sendMessage')}, and the message is Pending.`,
				steps: [
					{
						action: 'run',
						expect: {
							ok: true,
							exchanges: [SETUP_ISSUE, SEND_ACCEPTED],
							result: '"state": "Pending"',
						},
					},
				],
			},
			{
				says: `At ${CLOCK.intoMargin.label} the same token still works; ${CLOCK.minute.label} later it has expired: ${factText('error.unauthorized', 'number')}, and sendMessage throws.`,
				steps: [
					{
						action: 'run',
						expect: {
							ok: true,
							exchanges: [SETUP_ISSUE, SEND_ACCEPTED],
						},
					},
					{ advance: CLOCK.intoMargin.seconds },
					{ action: 'run', expect: { ok: true, exchanges: [SEND_ACCEPTED] } },
					{ advance: CLOCK.minute.seconds },
					{
						action: 'run',
						expect: {
							ok: false,
							exchanges: [exchange('sendMessage', 'unauthorized')],
							result: `sending failed: ${factText('error.unauthorized', 'number')}`,
						},
					},
				],
			},
		],
	}),
];
