/**
 * "Authority never outlives its grant": every path by which a bearer token could hand on more
 * authority, or a longer life, than it has. Each case failed on the mock before the rule.
 */
import { describe, expect, test } from 'vitest';
import { errorBody } from '../../../src/mock/contract/errors.ts';
import { payloadOf } from '../../support/forge.ts';
import { basic, bearer, call, issuePair, refresh } from '../../support/http.ts';
import { useMockApi } from '../../support/useMockApi.ts';
import { mintServiceToken, renewServiceToken } from '../support/serviceTokens.ts';

const api = useMockApi();
const DAY = 86_400;
const HOUR = 3_600;

const expOf = (token: string) => Number(payloadOf(token)['exp']);
const mint = (authorization: string, json: unknown) =>
	call('POST', '/3rdparty/v1/service-tokens', { authorization, json });
const issue = (authorization: string, json: unknown) =>
	call('POST', '/3rdparty/v1/auth/token', { authorization, json });
/** Whether a token still works on a resource endpoint (404: authenticated, no such message). */
const works = async (token: string) =>
	(await call('GET', '/3rdparty/v1/messages/none', { authorization: bearer(token) })).status ===
	404;
const basicOnly = (scope: string) => ({
	status: 403,
	body: errorBody('grantRequiresBasic', { scope }),
});

describe('tokens:manage (and all:any) come only from a person’s credentials', () => {
	const managers = {
		'a manager service token': async () =>
			(await mintServiceToken(['tokens:manage', 'messages:read'])).token,
		'a manager access token': async () =>
			(await issuePair(['tokens:manage', 'messages:read'])).access_token,
		'an all:any access token': async () => (await issuePair(['all:any'])).access_token,
	};

	test.each(Object.entries(managers))(
		'%s cannot mint a service token with tokens:manage or all:any',
		async (_name, manager) => {
			const token = await manager();
			for (const scope of ['tokens:manage', 'all:any']) {
				const result = await mint(bearer(token), {
					name: 'next',
					scopes: ['messages:read', scope],
				});
				expect(result).toMatchObject(basicOnly(scope));
			}
			const listed = await call('GET', '/3rdparty/v1/service-tokens', { authorization: basic() });
			expect(listed.body.map((entry: { name: string }) => entry.name)).not.toContain('next');
		}
	);

	test.each(Object.entries(managers))(
		'%s cannot issue a pair that carries tokens:manage or all:any',
		async (_name, manager) => {
			const token = await manager();
			for (const scope of ['tokens:manage', 'all:any']) {
				expect(await issue(bearer(token), { scopes: [scope] })).toMatchObject(basicOnly(scope));
			}
		}
	);

	test('a renewed manager cannot renew its predecessor (nor anything carrying tokens:manage)', async () => {
		const first = await mintServiceToken(['tokens:manage', 'messages:read'], { name: 'ops' });
		const second = (await renewServiceToken(first.id, {})).body;
		const result = await renewServiceToken(first.id, {}, bearer(second.token));
		expect(result).toMatchObject(basicOnly('tokens:manage'));
		// The person's credentials still may.
		expect((await renewServiceToken(first.id, {})).status).toBe(201);
	});

	test('Basic credentials still mint and issue tokens:manage', async () => {
		expect((await mint(basic(), { name: 'ops', scopes: ['tokens:manage'] })).status).toBe(201);
		expect((await issue(basic(), { scopes: ['tokens:manage'] })).status).toBe(201);
	});
});

describe('what a bearer token mints, issues or renews ends no later than that token', () => {
	test('mint: a service token minted by a manager ends with the manager, whatever its cap', async () => {
		const manager = await mintServiceToken(['tokens:manage', 'messages:read'], { ttl: HOUR });
		const minted = await mint(bearer(manager.token), { name: 'reader', scopes: ['messages:read'] });
		expect(minted.status).toBe(201);
		expect(expOf(minted.body.token)).toBe(expOf(manager.token));
		expect(minted.body.expires_at).toBe(manager.expires_at);
		api.clock.advance(HOUR - 1);
		expect(await works(minted.body.token)).toBe(true);
		api.clock.advance(1);
		expect(await works(minted.body.token)).toBe(false);
	});

	test('mint: a ttl beyond the manager’s remaining life is 400 naming what is left', async () => {
		const manager = await mintServiceToken(['tokens:manage', 'messages:read'], { ttl: HOUR });
		api.clock.advance(600);
		const over = await mint(bearer(manager.token), {
			name: 'reader',
			scopes: ['messages:read'],
			ttl: HOUR,
		});
		expect(over).toMatchObject({
			status: 400,
			body: errorBody('ttlTooLong', { max_ttl: HOUR - 600 }),
		});
		const within = await mint(bearer(manager.token), {
			name: 'reader',
			scopes: ['messages:read'],
			ttl: HOUR - 600,
		});
		expect(within.status).toBe(201);
	});

	test('issue: a pair issued by a service token, and its whole family, end with that token', async () => {
		const manager = await mintServiceToken(['tokens:manage', 'messages:read'], { ttl: HOUR });
		const pair = (await issue(bearer(manager.token), { scopes: ['messages:read'] })).body;
		expect(expOf(pair.refresh_token)).toBe(expOf(manager.token));
		// Refreshed just before the manager ends: still bounded by it.
		api.clock.advance(HOUR - 60);
		const rotated = await refresh(pair.refresh_token);
		expect(rotated.status).toBe(201);
		expect(expOf(rotated.body.access_token)).toBe(expOf(manager.token));
		expect(expOf(rotated.body.refresh_token)).toBe(expOf(manager.token));
		// Past it: the family is over, however fresh its refresh token.
		api.clock.advance(60);
		expect(await works(rotated.body.access_token)).toBe(false);
		expect((await refresh(rotated.body.refresh_token)).status).toBe(401);
	});

	test('issue: a pair issued by an access token ends with that access token', async () => {
		const manager = await issuePair(['tokens:manage', 'messages:read']);
		const pair = (await issue(bearer(manager.access_token), { scopes: ['messages:read'] })).body;
		api.clock.advance(600);
		const rotated = await refresh(pair.refresh_token);
		expect(rotated.status).toBe(201);
		api.clock.advance(300);
		expect((await refresh(rotated.body.refresh_token)).status).toBe(401);
	});

	test('renew: a renewal a manager performs ends with the manager', async () => {
		const reader = await mintServiceToken(['messages:read'], { name: 'reader' });
		const manager = await mintServiceToken(['tokens:manage', 'messages:read'], { ttl: HOUR });
		const renewed = await renewServiceToken(reader.id, {}, bearer(manager.token));
		expect(renewed.status).toBe(201);
		expect(expOf(renewed.body.token)).toBe(expOf(manager.token));
		expect(expOf(renewed.body.token)).toBeLessThan(expOf(reader.token));
	});

	test('renew through the lineage: tokens a manager produced never renew each other past it', async () => {
		const manager = await mintServiceToken(['tokens:manage', 'messages:read'], { ttl: HOUR });
		const first = (await mint(bearer(manager.token), { name: 'reader', scopes: ['messages:read'] }))
			.body;
		api.clock.advance(1800);
		const second = (await renewServiceToken(first.id, {}, bearer(manager.token))).body;
		expect(expOf(second.token)).toBe(expOf(manager.token));
		// Neither can renew the other: they lack tokens:manage, and could not be given it.
		expect((await renewServiceToken(first.id, {}, bearer(second.token))).status).toBe(403);
		expect((await renewServiceToken(second.id, {}, bearer(first.token))).status).toBe(403);
		api.clock.advance(1800);
		for (const token of [manager.token, first.token, second.token]) {
			expect(await works(token)).toBe(false);
		}
	});

	test('Basic credentials are not bounded by any token', async () => {
		const reader = await mint(basic(), { name: 'reader', scopes: ['messages:read'] });
		expect(expOf(reader.body.token) - Number(payloadOf(reader.body.token)['iat'])).toBe(90 * DAY);
	});
});
