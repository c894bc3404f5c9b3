import { describe, expect, test } from 'vitest';
import { basic, bearer, call, issuePair, refresh } from '../../../support/http.ts';
import { useMockApi } from '../../../support/useMockApi.ts';

useMockApi();

const revoke = (jti: string, authorization: string = basic()) =>
	call('DELETE', `/3rdparty/v1/auth/token/${jti}`, { authorization });
const read = (accessToken: string) =>
	call('GET', '/3rdparty/v1/messages/unknown', { authorization: bearer(accessToken) });

describe('DELETE /3rdparty/v1/auth/token/{jti}', () => {
	test('answers 204 with no body and revokes the access token and its paired refresh token', async () => {
		const pair = await issuePair(['messages:read']);
		const result = await revoke(pair.id);
		expect(result).toMatchObject({ status: 204, body: null });
		expect((await read(pair.access_token)).status).toBe(401);
		expect((await refresh(pair.refresh_token)).status).toBe(401);
	});

	test('revoking an earlier pair revokes every pair rotated from it', async () => {
		const first = await issuePair(['messages:read']);
		const second = (await refresh(first.refresh_token)).body;
		await revoke(first.id);
		expect((await read(second.access_token)).status).toBe(401);
		expect((await refresh(second.refresh_token)).status).toBe(401);
	});

	test('revoking the current pair leaves the earlier access token to expire on its own', async () => {
		const first = await issuePair(['messages:read']);
		const second = (await refresh(first.refresh_token)).body;
		await revoke(second.id);
		expect((await read(first.access_token)).status).toBe(404);
	});

	test('an unknown jti is still 204', async () => {
		expect((await revoke('no-such-token-id-0000')).status).toBe(204);
	});

	test("another account's token is not revoked (and the answer does not say so)", async () => {
		const pair = await issuePair(['messages:read']);
		expect((await revoke(pair.id, basic('other', 'other-password'))).status).toBe(204);
		expect((await read(pair.access_token)).status).toBe(404);
	});

	test('a bearer token with tokens:manage may revoke', async () => {
		const manager = await issuePair(['tokens:manage']);
		const pair = await issuePair(['messages:read']);
		expect((await revoke(pair.id, bearer(manager.access_token))).status).toBe(204);
		expect((await read(pair.access_token)).status).toBe(401);
	});

	test('without tokens:manage: 403; without credentials: 401', async () => {
		const pair = await issuePair(['messages:read']);
		expect(await revoke(pair.id, bearer(pair.access_token))).toMatchObject({
			status: 403,
			body: { error: 'scope_required', message: 'scope required: tokens:manage', code: 403 },
		});
		expect((await call('DELETE', `/3rdparty/v1/auth/token/${pair.id}`)).status).toBe(401);
	});
});
