import { describe, expect, test } from 'vitest';
import { issueTokenPair } from '../../../examples/quick-start/issue-token-pair.ts';
import { TokenPairResponse } from '../../../src/mock/contract/schemas.ts';
import { bearer, call } from '../../support/http.ts';
import { BASE_URL, DEMO, useMockApi } from '../../support/useMockApi.ts';

useMockApi();

describe('issueTokenPair', () => {
	test('returns the 201 pair, whose access token the API accepts', async () => {
		const pair = await issueTokenPair({ baseUrl: BASE_URL, ...DEMO, scopes: ['messages:read'] });
		expect(TokenPairResponse.parse(pair)).toEqual(pair);
		const read = await call('GET', '/3rdparty/v1/messages/none', {
			authorization: bearer(pair.access_token),
		});
		expect(read.status).toBe(404);
	});

	test.each([
		{ name: 'a wrong password', options: { password: 'nope' }, error: /401 .*Unauthorized/ },
		{
			name: 'an unknown scope',
			options: { scopes: ['messages:fly'] },
			error: /400 .*unknown scope messages:fly/,
		},
		{
			name: 'the system scope',
			options: { scopes: ['tokens:refresh'] },
			error: /400 .*cannot be requested/,
		},
	])('throws with the status and the API’s message for $name', async ({ options, error }) => {
		await expect(
			issueTokenPair({ baseUrl: BASE_URL, ...DEMO, scopes: ['messages:send'], ...options })
		).rejects.toThrow(error);
	});
});
