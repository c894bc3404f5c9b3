import { expect, test } from 'vitest';
import { CredentialsRejected } from '../../../examples/long-running/with-retries.ts';
import { createMessageSender } from '../../../examples/migration/after.ts';
import { exchangesTo } from '../../support/exchanges.ts';
import { advance, useFakeDate } from '../../support/fakeDate.ts';
import { BASE_URL, DEMO, useMockApi } from '../../support/useMockApi.ts';

const api = useMockApi();
useFakeDate();

test('token pairs: over two hours the password is sent once; the rest are refreshes', async () => {
	const send = createMessageSender({ baseUrl: BASE_URL, ...DEMO });
	for (let minute = 0; minute < 120; minute += 5) {
		expect(await send('+15555550100', `minute ${minute}`)).toMatchObject({ state: 'Pending' });
		advance(300);
	}
	expect(exchangesTo(api.log.entries(), '/3rdparty/v1/auth/token', 'POST')).toHaveLength(1);
	const refreshes = exchangesTo(api.log.entries(), '/auth/token/refresh');
	expect(refreshes).toHaveLength(7); // at minutes 15, 30, … 105: one per 14-minute lifetime
	expect(refreshes.every((exchange) => exchange.response.status === 201)).toBe(true);
	// Not one request was refused along the way.
	expect(api.log.entries().every((exchange) => exchange.response.status < 400)).toBe(true);
});

test('a refused message is an error naming the status, not a silent success', async () => {
	const send = createMessageSender({ baseUrl: BASE_URL, ...DEMO });
	await expect(send('', 'no number')).rejects.toThrow(/sending failed: 400/);
});

test('a wrong password is terminal: the first send fails, and later sends do not try it again', async () => {
	const send = createMessageSender({ baseUrl: BASE_URL, ...DEMO, password: 'wrong' });
	await expect(send('+15555550100', 'one')).rejects.toBeInstanceOf(CredentialsRejected);
	await expect(send('+15555550100', 'two')).rejects.toBeInstanceOf(CredentialsRejected);
	expect(exchangesTo(api.log.entries(), '/3rdparty/v1/auth/token', 'POST')).toHaveLength(1);
});
