import { expect, test } from 'vitest';
import { sendMessage } from '../../../examples/quick-start/send-message.ts';
import { issuePair } from '../../support/http.ts';
import { BASE_URL, useMockApi } from '../../support/useMockApi.ts';

useMockApi();

const message = { baseUrl: BASE_URL, phoneNumber: '+15555550100', text: 'hi' };

test('sendMessage sends with the access token and returns the 202 body', async () => {
	const pair = await issuePair(['messages:send']);
	const sent = await sendMessage({ ...message, accessToken: pair.access_token });
	expect(sent).toEqual({ id: expect.any(String), state: 'Pending' });
});

test('sendMessage with the refresh token is refused with 401', async () => {
	const pair = await issuePair(['messages:send']);
	await expect(sendMessage({ ...message, accessToken: pair.refresh_token })).rejects.toThrow(/401/);
});

test('sendMessage without the scope is refused with 403 naming it', async () => {
	const pair = await issuePair(['messages:read']);
	await expect(sendMessage({ ...message, accessToken: pair.access_token })).rejects.toThrow(
		/403 .*scope required: messages:send/
	);
});
