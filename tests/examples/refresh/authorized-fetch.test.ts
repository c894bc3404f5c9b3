import { http, HttpResponse } from 'msw';
import { expect, test } from 'vitest';
import { behaviour } from '../../support/behaviour.ts';
import { createAuthorizedFetch } from '../../../examples/refresh/authorized-fetch.ts';
import { TokenManager } from '../../../examples/refresh/token-manager.ts';
import { bearerOf, exchangesTo } from '../../support/exchanges.ts';
import { BASE_URL, DEMO, useMockApi } from '../../support/useMockApi.ts';

const api = useMockApi();

function setUp() {
	const tokens = new TokenManager({ baseUrl: BASE_URL, ...DEMO, scopes: ['messages:send'] });
	const authorizedFetch = createAuthorizedFetch(tokens);
	const send = () =>
		authorizedFetch(`${BASE_URL}/3rdparty/v1/messages`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ phoneNumbers: ['+15555550100'], textMessage: { text: 'hi' } }),
		});
	return { tokens, send };
}
const messageCalls = () => exchangesTo(api.log.entries(), '/3rdparty/v1/messages', 'POST');
const refreshes = () => exchangesTo(api.log.entries(), '/auth/token/refresh');

test('attaches the access token and keeps the caller’s headers and body', async () => {
	const { send } = setUp();
	const response = await send();
	expect(response.status).toBe(202);
	// The token the API issued, as its answer carried it: the one the request must present.
	const [issued] = exchangesTo(api.log.entries(), '/auth/token', 'POST');
	const { access_token } = JSON.parse(issued?.response.body ?? '{}') as { access_token?: string };
	expect(access_token).toMatch(/^ey/);
	expect(messageCalls()).toHaveLength(1);
	const [call] = messageCalls();
	expect(bearerOf(call!)).toBe(access_token);
	expect(call?.request.headers['content-type']).toBe('application/json');
	expect(call?.request.body).toBe(
		JSON.stringify({ phoneNumbers: ['+15555550100'], textMessage: { text: 'hi' } })
	);
});

test('an unexpected 401 (server clock ahead) triggers one refresh and one retry, which succeeds', async () => {
	const { send } = setUp();
	await send();
	// The client still believes its token valid; the server, 15 minutes ahead, has expired it.
	api.clock.advance(900);
	const response = await send();
	expect(response.status).toBe(202);
	expect(messageCalls().map((exchange) => exchange.response.status)).toEqual([202, 401, 202]);
	expect(refreshes()).toHaveLength(1);
});

test('the retry carries a different token from the refused one', async () => {
	const { send } = setUp();
	await send();
	api.clock.advance(900);
	await send();
	const [first, refused, retried] = messageCalls().map(bearerOf);
	expect(refused).toBe(first);
	expect(retried).not.toBe(refused);
});

behaviour('fetch.401', async () => {
	const { send } = setUp();
	let attempts = 0;
	api.server.use(
		http.post('*/3rdparty/v1/messages', () => {
			attempts += 1;
			return HttpResponse.json({ message: 'Unauthorized', code: 401 }, { status: 401 });
		})
	);
	const response = await send();
	expect(response.status).toBe(401);
	expect(attempts).toBe(2);
	expect(refreshes()).toHaveLength(1);
	expect(exchangesTo(api.log.entries(), '/auth/token', 'POST')).toHaveLength(1);
});
