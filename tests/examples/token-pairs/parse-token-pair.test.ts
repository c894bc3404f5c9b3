import { expect, test } from 'vitest';
import { parseTokenPair } from '../../../examples/token-pairs/parse-token-pair.ts';
import { useFakeDate } from '../../support/fakeDate.ts';
import { issuePair } from '../../support/http.ts';
import { useMockApi } from '../../support/useMockApi.ts';

useMockApi();
useFakeDate();

test('parseTokenPair reads a real 201 body, with the expiry in milliseconds', async () => {
	const body = await issuePair();
	const pair = parseTokenPair(body);
	expect(pair).toEqual({
		id: body.id,
		accessToken: body.access_token,
		refreshToken: body.refresh_token,
		expiresAt: Date.parse(body.expires_at),
	});
	// Milliseconds, comparable with Date.now(): within the next 15 minutes, not 1970 nor 50,000 years on.
	expect(pair.expiresAt - Date.now()).toBe(900_000);
});

test.each([
	{ name: 'null', body: null },
	{ name: 'an error body', body: { message: 'Unauthorized', code: 401 } },
	{
		name: 'no refresh token',
		body: { id: 'a', token_type: 'Bearer', access_token: 'x', expires_at: '2026-03-14T02:00:00Z' },
	},
	{
		name: 'a numeric expiry',
		body: {
			id: 'a',
			token_type: 'Bearer',
			access_token: 'x',
			refresh_token: 'y',
			expires_at: 1773453600,
		},
	},
	{
		name: 'an unreadable expiry',
		body: {
			id: 'a',
			token_type: 'Bearer',
			access_token: 'x',
			refresh_token: 'y',
			expires_at: 'soon',
		},
	},
	{
		name: 'another token type',
		body: {
			id: 'a',
			token_type: 'MAC',
			access_token: 'x',
			refresh_token: 'y',
			expires_at: '2026-03-14T02:00:00Z',
		},
	},
])('parseTokenPair refuses $name with a TypeError', ({ body }) => {
	expect(() => parseTokenPair(body)).toThrow(TypeError);
});
