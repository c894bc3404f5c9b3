import { expect, test } from 'vitest';
import { createMessageSender } from '../../../examples/migration/before.ts';
import { exchangesTo } from '../../support/exchanges.ts';
import { advance, useFakeDate } from '../../support/fakeDate.ts';
import { BASE_URL, DEMO, useMockApi } from '../../support/useMockApi.ts';

const api = useMockApi();
useFakeDate();

test('access tokens only: over two hours the password is sent again every 14 minutes', async () => {
	const send = createMessageSender({ baseUrl: BASE_URL, ...DEMO });
	for (let minute = 0; minute < 120; minute += 5) {
		expect(await send('+15555550100', `minute ${minute}`)).toMatchObject({ state: 'Pending' });
		advance(300);
	}
	const logins = exchangesTo(api.log.entries(), '/3rdparty/v1/auth/token', 'POST');
	expect(logins).toHaveLength(8); // at minute 0, then 15, 30, … 105
	expect(
		logins.every((exchange) => exchange.request.headers['authorization']?.startsWith('Basic '))
	).toBe(true);
});

test('a refused message is an error naming the status, not a silent success', async () => {
	const send = createMessageSender({ baseUrl: BASE_URL, ...DEMO });
	await expect(send('', 'no number')).rejects.toThrow(/sending failed: 400/);
});

test('a wrong password fails each send with one login attempt and no retry loop', async () => {
	const send = createMessageSender({ baseUrl: BASE_URL, ...DEMO, password: 'wrong' });
	await expect(send('+15555550100', 'one')).rejects.toThrow(/authentication failed: 401/);
	expect(exchangesTo(api.log.entries(), '/3rdparty/v1/auth/token', 'POST')).toHaveLength(1);
});
