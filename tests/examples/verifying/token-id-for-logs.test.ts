import { expect, test } from 'vitest';
import { tokenIdForLogs } from '../../../examples/verifying/token-id-for-logs.ts';
import { foreignToken } from '../../support/forge.ts';
import { issuePair } from '../../support/http.ts';
import { useMockApi } from '../../support/useMockApi.ts';

useMockApi();

test('names a token by its jti and never contains the token', async () => {
	const pair = await issuePair();
	const name = tokenIdForLogs(pair.access_token);
	expect(name).toBe(`jti:${pair.id}`);
	expect(name).not.toContain(pair.access_token.split('.')[1]);
});

test('decodes without verifying: a forged token is named just the same', async () => {
	// Which is why decodeJwt may name a token in a log but must never decide anything.
	const forged = await foreignToken({ jti: 'forged-id', sub: 'user-demo' });
	expect(tokenIdForLogs(forged)).toBe('jti:forged-id');
});

test.each(['', 'not-a-jwt', 'a.b.c'])('an unreadable token %j gives a fixed label', (token) => {
	expect(tokenIdForLogs(token)).toBe('unreadable-token');
});

test('a token without a jti says so', async () => {
	expect(tokenIdForLogs(await foreignToken({ sub: 'x' }))).toBe('jti:none');
});
