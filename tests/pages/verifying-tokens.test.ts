/**
 * Behaviours the "Verifying tokens" page claims that no single example test covers.
 */
import { expect, test } from 'vitest';
import {
	publishedKeySet,
	verifyAccessToken,
} from '../../examples/verifying/verify-access-token.ts';
import { useFakeDate } from '../support/fakeDate.ts';
import { basic, bearer, call, issuePair } from '../support/http.ts';
import { BASE_URL, useMockApi } from '../support/useMockApi.ts';

const api = useMockApi();
// The example verifies on the reader's clock; here that is the test's, like the mock's.
useFakeDate();

test('a revoked access token still verifies by signature, while the API itself refuses it', async () => {
	const pair = await issuePair(['messages:read']);
	await call('DELETE', `/3rdparty/v1/auth/token/${pair.id}`, { authorization: basic() });

	const byApi = await call('GET', '/3rdparty/v1/messages/x', {
		authorization: bearer(pair.access_token),
	});
	expect(byApi.status).toBe(401);
	await expect(
		verifyAccessToken(pair.access_token, publishedKeySet(BASE_URL), api.issuer)
	).resolves.toMatchObject({
		jti: pair.id,
	});
});
