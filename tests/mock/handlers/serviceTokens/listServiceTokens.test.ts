import { describe, expect, test } from 'vitest';
import { ServiceTokenListResponse } from '../../../../src/mock/contract/schemas.ts';
import { basic, bearer, call, issuePair } from '../../../support/http.ts';
import { useMockApi } from '../../../support/useMockApi.ts';
import { listServiceTokens, mintServiceToken } from '../../support/serviceTokens.ts';

const api = useMockApi();
const OTHER = basic('other', 'other-password');

describe('GET /3rdparty/v1/service-tokens', () => {
	test('answers 200 with an empty list before any token exists', async () => {
		const result = await listServiceTokens();
		expect(result).toMatchObject({ status: 200, body: [] });
		expect(result.headers.get('cache-control')).toBe('no-store');
	});

	test("lists the caller's tokens oldest first, with id, name, scopes and expiry but never the token", async () => {
		const first = await mintServiceToken(['messages:send'], { name: 'first' });
		const second = await mintServiceToken(['messages:read'], { name: 'second', ttl: 60 });
		const result = await listServiceTokens();
		expect(ServiceTokenListResponse.safeParse(result.body).success).toBe(true);
		expect(result.body).toEqual([
			{
				id: first.id,
				name: 'first',
				scopes: ['messages:send'],
				expires_at: first.expires_at,
				renewed_from: null,
			},
			{
				id: second.id,
				name: 'second',
				scopes: ['messages:read'],
				expires_at: second.expires_at,
				renewed_from: null,
			},
		]);
		expect(JSON.stringify(result.body)).not.toContain(first.token);
	});

	test("another account's tokens and token pairs are not listed", async () => {
		await mintServiceToken();
		await issuePair();
		expect((await listServiceTokens(OTHER)).body).toEqual([]);
	});

	test('a renewal names its predecessor in renewed_from; a token minted afresh has null', async () => {
		const first = await mintServiceToken(['messages:read'], { name: 'first' });
		const renewed = await call('POST', `/3rdparty/v1/service-tokens/${first.id}/renew`, {
			authorization: basic(),
			json: {},
		});
		const list = (await listServiceTokens()).body as { id: string; renewed_from: string | null }[];
		expect(list.map((token) => [token.id, token.renewed_from])).toEqual([
			[first.id, null],
			[renewed.body.id, first.id],
		]);
	});

	test('expired tokens stay listed (they may be renewed); revoked ones are gone', async () => {
		const expired = await mintServiceToken(['messages:send'], { ttl: 60 });
		const revoked = await mintServiceToken(['messages:send']);
		await call('DELETE', `/3rdparty/v1/auth/token/${revoked.id}`, { authorization: basic() });
		api.clock.advance(120);
		const ids = (await listServiceTokens()).body.map((token: { id: string }) => token.id);
		expect(ids).toEqual([expired.id]);
	});

	test('a legacy token is listed with no scopes', async () => {
		const legacy = await api.seedLegacyServiceToken({
			username: 'demo',
			name: 'old',
			scopes: ['messages:send'],
		});
		expect((await listServiceTokens()).body).toEqual([
			{ id: legacy.id, name: 'old', scopes: [], expires_at: legacy.expires_at, renewed_from: null },
		]);
	});

	test('a bearer token with tokens:manage may list; without it 403; without credentials 401', async () => {
		await mintServiceToken();
		const manager = await issuePair(['tokens:manage']);
		expect((await listServiceTokens(bearer(manager.access_token))).body).toHaveLength(1);
		const reader = await issuePair(['messages:read']);
		expect(await listServiceTokens(bearer(reader.access_token))).toMatchObject({
			status: 403,
			body: { error: 'scope_required', message: 'scope required: tokens:manage', code: 403 },
		});
		expect(await call('GET', '/3rdparty/v1/service-tokens')).toMatchObject({
			status: 401,
			body: { error: 'unauthorized', message: 'Unauthorized', code: 401 },
		});
	});
});
