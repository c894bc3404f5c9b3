import { expect, test } from 'vitest';
import {
	ApiError,
	createServiceToken,
} from '../../../examples/service-tokens/create-service-token.ts';
import { useFakeDate } from '../../support/fakeDate.ts';
import { bearer, call } from '../../support/http.ts';
import { BASE_URL, DEMO, useMockApi } from '../../support/useMockApi.ts';

const api = useMockApi();
useFakeDate();

const DAY = 86_400;

test('creates a named token that works like an access token, for its scopes only', async () => {
	const created = await createServiceToken({
		baseUrl: BASE_URL,
		...DEMO,
		name: 'nightly-report',
		scopes: ['messages:read'],
		ttl: DAY,
	});
	expect(created).toMatchObject({
		name: 'nightly-report',
		scopes: ['messages:read'],
		id: expect.any(String),
	});
	expect(Date.parse(created.expires_at) - Date.now()).toBe(DAY * 1000);
	const read = await call('GET', '/3rdparty/v1/messages/none', {
		authorization: bearer(created.token),
	});
	expect(read.status).toBe(404);
	const send = await call('POST', '/3rdparty/v1/messages', {
		authorization: bearer(created.token),
		json: { phoneNumbers: ['+15555550100'], textMessage: { text: 'x' } },
	});
	expect(send).toMatchObject({ status: 403, body: { message: 'scope required: messages:send' } });
});

test('without ttl the token gets the longest lifetime its scopes allow', async () => {
	const created = await createServiceToken({
		baseUrl: BASE_URL,
		...DEMO,
		name: 'sender',
		scopes: ['messages:send'],
	});
	expect(Date.parse(created.expires_at) - Date.now()).toBe(30 * DAY * 1000);
});

test('a ttl over the cap is an ApiError carrying data.max_ttl', async () => {
	const error = await createServiceToken({
		baseUrl: BASE_URL,
		...DEMO,
		name: 'sender',
		scopes: ['messages:send', 'settings:write'],
		ttl: 30 * DAY,
	}).catch((caught: unknown) => caught);
	expect(error).toBeInstanceOf(ApiError);
	expect(error).toMatchObject({
		status: 400,
		body: { error: 'ttl_too_long', data: { field: 'ttl', max_ttl: 7 * DAY } },
	});
	expect(String(error)).toMatch(/400 invalid params: ttl exceeds the maximum of 604800 seconds/);
});

test('a wrong password is a 401 ApiError after one request: no retry', async () => {
	const error = await createServiceToken({
		baseUrl: BASE_URL,
		...DEMO,
		password: 'wrong',
		name: 'sender',
		scopes: ['messages:send'],
	}).catch((caught: unknown) => caught);
	expect(error).toMatchObject({ status: 401 });
	expect(api.log.entries()).toHaveLength(1);
});
