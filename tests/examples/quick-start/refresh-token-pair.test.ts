import { expect, test } from 'vitest';
import { refreshTokenPair } from '../../../examples/quick-start/refresh-token-pair.ts';
import { issuePair } from '../../support/http.ts';
import { BASE_URL, useMockApi } from '../../support/useMockApi.ts';

useMockApi();

test('refreshTokenPair returns a new pair; the old refresh token is then spent', async () => {
	const first = await issuePair();
	const second = await refreshTokenPair({ baseUrl: BASE_URL, refreshToken: first.refresh_token });
	expect(second.refresh_token).not.toBe(first.refresh_token);
	expect(second.id).not.toBe(first.id);
	await expect(
		refreshTokenPair({ baseUrl: BASE_URL, refreshToken: first.refresh_token })
	).rejects.toThrow(/401/);
	const third = await refreshTokenPair({ baseUrl: BASE_URL, refreshToken: second.refresh_token });
	expect(third.id).not.toBe(second.id);
});

test('refreshTokenPair with an access token is refused with 403', async () => {
	const first = await issuePair();
	await expect(
		refreshTokenPair({ baseUrl: BASE_URL, refreshToken: first.access_token })
	).rejects.toThrow(/403 .*scope required: tokens:refresh/);
});
