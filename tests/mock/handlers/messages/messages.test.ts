import { describe, expect, test } from 'vitest';
import { MessageResponse } from '../../../../src/mock/contract/schemas.ts';
import { basic, bearer, call, issuePair } from '../../../support/http.ts';
import { useMockApi } from '../../../support/useMockApi.ts';

useMockApi();

const message = { phoneNumbers: ['+15550100'], textMessage: { text: 'Hello' } };

describe('the messages resource', () => {
	test('POST answers 202 Pending and GET reads it back', async () => {
		const pair = await issuePair(['messages:send', 'messages:read']);
		const sent = await call('POST', '/3rdparty/v1/messages', {
			authorization: bearer(pair.access_token),
			json: message,
		});
		expect(sent.status).toBe(202);
		expect(MessageResponse.safeParse(sent.body).success).toBe(true);
		expect(sent.body.state).toBe('Pending');
		const read = await call('GET', `/3rdparty/v1/messages/${sent.body.id}`, {
			authorization: bearer(pair.access_token),
		});
		expect(read).toMatchObject({ status: 200, body: { id: sent.body.id, state: 'Pending' } });
	});

	test('Basic credentials work too (all:any)', async () => {
		const sent = await call('POST', '/3rdparty/v1/messages', {
			authorization: basic(),
			json: message,
		});
		expect(sent.status).toBe(202);
	});

	test('a refresh token is refused as a bearer token: 401', async () => {
		const pair = await issuePair(['messages:send']);
		const sent = await call('POST', '/3rdparty/v1/messages', {
			authorization: bearer(pair.refresh_token),
			json: message,
		});
		expect(sent).toMatchObject({
			status: 401,
			body: { error: 'unauthorized', message: 'Unauthorized', code: 401 },
		});
	});

	test('a token without the scope gets 403 naming it', async () => {
		const pair = await issuePair(['messages:read']);
		const sent = await call('POST', '/3rdparty/v1/messages', {
			authorization: bearer(pair.access_token),
			json: message,
		});
		expect(sent).toMatchObject({
			status: 403,
			body: { error: 'scope_required', message: 'scope required: messages:send', code: 403 },
		});
	});

	test.each([
		{
			json: { textMessage: { text: 'x' } },
			error: 'phone_numbers_required',
			message: 'invalid params: phoneNumbers are required',
			field: 'phoneNumbers',
		},
		{
			json: { phoneNumbers: [], textMessage: { text: 'x' } },
			error: 'phone_numbers_required',
			message: 'invalid params: phoneNumbers are required',
			field: 'phoneNumbers',
		},
		{
			json: { phoneNumbers: ['+1'] },
			error: 'text_required',
			message: 'invalid params: textMessage.text is required',
			field: 'textMessage',
		},
		{
			json: { phoneNumbers: ['+1'], textMessage: { text: '' } },
			error: 'text_required',
			message: 'invalid params: textMessage.text is required',
			field: 'textMessage',
		},
		{
			json: { phoneNumbers: ['+1'], textMessage: { text: 'x', html: 'y' } },
			error: 'unknown_field',
			message: 'invalid params: unknown field textMessage.html',
			field: 'textMessage.html',
		},
	])('400: $message', async ({ json, error, message: text, field }) => {
		const sent = await call('POST', '/3rdparty/v1/messages', { authorization: basic(), json });
		expect(sent).toEqual(
			expect.objectContaining({
				status: 400,
				body: { error, message: text, code: 400, data: { field } },
			})
		);
	});

	test("an unknown id, or another account's message, is 404", async () => {
		const sent = await call('POST', '/3rdparty/v1/messages', {
			authorization: basic(),
			json: message,
		});
		const unknown = await call('GET', '/3rdparty/v1/messages/nope', { authorization: basic() });
		expect(unknown).toMatchObject({
			status: 404,
			body: { error: 'message_not_found', message: 'message not found', code: 404 },
		});
		const foreign = await call('GET', `/3rdparty/v1/messages/${sent.body.id}`, {
			authorization: basic('other', 'other-password'),
		});
		expect(foreign.status).toBe(404);
	});
});

test.each([[['']], [[1]], [[null]]])(
	'a phone number list with a bad item %j is 400 phoneNumbers',
	async (phoneNumbers) => {
		const sent = await call('POST', '/3rdparty/v1/messages', {
			authorization: basic(),
			json: { phoneNumbers, textMessage: { text: 'x' } },
		});
		expect(sent.body).toEqual({
			error: 'phone_numbers_required',
			message: 'invalid params: phoneNumbers are required',
			code: 400,
			data: { field: 'phoneNumbers' },
		});
	}
);
