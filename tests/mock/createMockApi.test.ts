import { describe, expect, test } from 'vitest';
import { Clock } from '../../src/mock/clock/Clock.ts';
import { createMockApi, type MockApi } from '../../src/mock/createMockApi.ts';
import { answered } from '../support/direct.ts';
import { basic, bearer } from '../support/http.ts';
import { DEMO } from '../support/useMockApi.ts';

const T0 = Date.parse('2026-03-14T00:00:00Z');

/** A mock whose clock starts at T0 (plus its own offset), like every "tab" in these tests. */
const fresh = (options: Parameters<typeof createMockApi>[0] = {}) =>
	createMockApi({ clock: new Clock(() => T0), ...options });

/** A snapshot as it comes back from storage: through JSON and back. */
async function carried(from: MockApi): Promise<unknown> {
	return JSON.parse(JSON.stringify(await from.snapshot()));
}

/** Restores `from`'s state into a fresh instance, which knows nothing of it beforehand. */
async function restoredCopy(from: MockApi, options: Parameters<typeof fresh>[0] = {}) {
	const copy = fresh(options);
	await copy.restore(await carried(from));
	return copy;
}

const send = (api: MockApi, token: string) =>
	answered(api.handlers, 'POST', '/3rdparty/v1/messages', {
		authorization: bearer(token),
		json: { phoneNumbers: ['+15555550100'], textMessage: { text: 'hi' } },
	});
const issue = async (api: MockApi) => {
	const result = await answered(api.handlers, 'POST', '/3rdparty/v1/auth/token', {
		authorization: basic(),
		json: { scopes: ['messages:send', 'messages:read'] },
	});
	expect(result.status).toBe(201);
	return result.body as { id: string; access_token: string; refresh_token: string };
};
const rotate = (api: MockApi, refreshToken: string) =>
	answered(api.handlers, 'POST', '/3rdparty/v1/auth/token/refresh', {
		authorization: bearer(refreshToken),
	});
const sessionCookie = (setCookies: string[]) =>
	/^refresh_token=([^;]*)/.exec(setCookies[0] ?? '')?.[1] ?? '';

describe('MockApi.snapshot and restore', () => {
	test('a token issued before the snapshot verifies in a fresh instance after restore', async () => {
		const first = fresh();
		const pair = await issue(first);
		const second = await restoredCopy(first);
		expect((await send(second, pair.access_token)).status).toBe(202);
		expect((await second.signingKey()).publicJwk).toEqual((await first.signingKey()).publicJwk);
		const jwks = await answered(second.handlers, 'GET', '/3rdparty/v1/auth/jwks');
		expect(jwks.body.keys[0].kid).toBe((await first.signingKey()).kid);
	});

	test('a fresh instance that never restored cannot verify the first one’s tokens', async () => {
		const pair = await issue(fresh());
		expect((await send(fresh(), pair.access_token)).status).toBe(401);
	});

	test('a spent refresh token is still spent, and its successor still works', async () => {
		const first = fresh();
		const pair = await issue(first);
		const next = await rotate(first, pair.refresh_token);
		expect(next.status).toBe(201);
		const second = await restoredCopy(first);
		expect((await rotate(second, pair.refresh_token)).status).toBe(401);
		expect((await rotate(second, next.body.refresh_token)).status).toBe(201);
	});

	test('within the overlap window the predecessor yields the very same successor', async () => {
		const first = fresh({ overlapSeconds: 30 });
		const pair = await issue(first);
		const next = await rotate(first, pair.refresh_token);
		const second = await restoredCopy(first, { overlapSeconds: 0 });
		expect(second.settings.overlapSeconds).toBe(30);
		const again = await rotate(second, pair.refresh_token);
		expect(again.status).toBe(201);
		expect(again.body).toEqual(next.body);
	});

	test('settings hold: reuse under revoke-family revokes the family in the restored instance', async () => {
		const first = fresh({ reusePolicy: 'revoke-family' });
		const pair = await issue(first);
		const next = await rotate(first, pair.refresh_token);
		const second = await restoredCopy(first);
		expect(second.settings).toEqual({ reusePolicy: 'revoke-family', overlapSeconds: 0 });
		expect((await rotate(second, pair.refresh_token)).status).toBe(401);
		expect((await send(second, next.body.access_token)).status).toBe(401);
		expect((await rotate(second, next.body.refresh_token)).status).toBe(401);
	});

	test('revocations hold, and revoking after a restore still reaches the pair’s refresh token', async () => {
		const first = fresh();
		const revoked = await issue(first);
		const kept = await issue(first);
		const deleted = await answered(
			first.handlers,
			'DELETE',
			`/3rdparty/v1/auth/token/${revoked.id}`,
			{
				authorization: basic(),
			}
		);
		expect(deleted.status).toBe(204);
		const second = await restoredCopy(first);
		expect((await send(second, revoked.access_token)).status).toBe(401);
		expect((await rotate(second, revoked.refresh_token)).status).toBe(401);

		// The parent links came along: revoking an access token revokes its refresh token.
		await answered(second.handlers, 'DELETE', `/3rdparty/v1/auth/token/${kept.id}`, {
			authorization: basic(),
		});
		expect((await rotate(second, kept.refresh_token)).status).toBe(401);
	});

	test('the clock offset holds: a token that expired before the snapshot stays expired', async () => {
		const first = fresh();
		const pair = await issue(first);
		first.clock.advance(900);
		const second = await restoredCopy(first);
		expect(second.clock.offsetSeconds).toBe(900);
		expect(second.clock.now()).toBe(first.clock.now());
		expect((await send(second, pair.access_token)).status).toBe(401);
		expect((await rotate(second, pair.refresh_token)).status).toBe(201);
	});

	test('messages, service tokens and account grants come along', async () => {
		const first = fresh();
		const pair = await issue(first);
		const message = await send(first, pair.access_token);
		const minted = await answered(first.handlers, 'POST', '/3rdparty/v1/service-tokens', {
			authorization: basic(),
			json: { name: 'flowbot', scopes: ['messages:send'] },
		});
		expect(minted.status).toBe(201);
		first.removeAccountScope(DEMO.username, 'messages:read');
		const second = await restoredCopy(first);

		const read = await answered(
			second.handlers,
			'GET',
			`/3rdparty/v1/messages/${message.body.id}`,
			{
				authorization: bearer(pair.access_token),
			}
		);
		expect(read.status).toBe(200);
		const list = await answered(second.handlers, 'GET', '/3rdparty/v1/service-tokens', {
			authorization: basic(),
		});
		expect(list.body).toEqual([expect.objectContaining({ id: minted.body.id, name: 'flowbot' })]);
		expect((await send(second, minted.body.token)).status).toBe(202);
		const renewed = await answered(
			second.handlers,
			'POST',
			`/3rdparty/v1/service-tokens/${minted.body.id}/renew`,
			{ authorization: basic(), json: {} }
		);
		expect(renewed.status).toBe(201);
		const denied = await answered(second.handlers, 'POST', '/3rdparty/v1/auth/token', {
			authorization: basic(),
			json: { scopes: ['messages:read'] },
		});
		expect(denied.status).toBe(403);
	});

	test('a browser session carries on: the cookie’s refresh token rotates in the restored instance', async () => {
		const first = fresh();
		const login = await answered(first.handlers, 'POST', '/auth/login', {
			json: { username: DEMO.username, password: DEMO.password },
		});
		const cookie = `refresh_token=${sessionCookie(login.setCookies)}`;
		const second = await restoredCopy(first);
		const refreshed = await answered(second.handlers, 'POST', '/auth/refresh', {
			cookie,
			csrf: true,
		});
		expect(refreshed.status).toBe(200);
		// Back in the first instance, which has not seen that rotation, the cookie is unspent.
		const third = await restoredCopy(second);
		expect(
			(await answered(third.handlers, 'POST', '/auth/refresh', { cookie, csrf: true })).status
		).toBe(401);
	});

	test('restore replaces rather than merges: the instance’s own tokens are gone', async () => {
		const source = fresh();
		await issue(source);
		const target = fresh();
		const own = await issue(target);
		await target.restore(await carried(source));
		expect((await send(target, own.access_token)).status).toBe(401);
	});

	test('a snapshot taken before any token has no key; restoring it drops the old key', async () => {
		const empty = fresh();
		const snapshot = await empty.snapshot();
		expect(snapshot.signingKey).toBeNull();
		const target = fresh();
		const own = await issue(target);
		await target.restore(snapshot);
		expect((await send(target, own.access_token)).status).toBe(401);
		const next = await issue(target);
		expect((await send(target, next.access_token)).status).toBe(202);
	});

	test('the snapshot is plain JSON and a copy: later changes do not reach it', async () => {
		const api = fresh();
		await issue(api);
		const snapshot = await api.snapshot();
		expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
		const before = JSON.stringify(snapshot);
		await issue(api);
		api.clock.advance(60);
		api.settings.overlapSeconds = 5;
		expect(JSON.stringify(snapshot)).toBe(before);
		expect(snapshot.tokens.records).toHaveLength(2);
	});

	test('restoring a copy does not tie the two instances together', async () => {
		const first = fresh();
		const pair = await issue(first);
		const second = await restoredCopy(first);
		expect((await rotate(second, pair.refresh_token)).status).toBe(201);
		expect((await rotate(first, pair.refresh_token)).status).toBe(201);
	});

	test.each([
		['another format', (s: any) => ({ ...s, format: 2 })],
		['a negative clock offset', (s: any) => ({ ...s, clockOffsetSeconds: -1 })],
		[
			'a key that is not P-256',
			(s: any) => ({ ...s, signingKey: { ...s.signingKey, crv: 'P-384' } }),
		],
		[
			'a record without a jti',
			(s: any) => ({ ...s, tokens: { ...s.tokens, records: [{ kind: 'access' }] } }),
		],
		[
			'an unknown scope in a grant',
			(s: any) => ({ ...s, accountGrants: [['user-demo', ['root']]] }),
		],
		['nothing at all', () => null],
	])('refuses %s and changes nothing', async (_, spoil) => {
		const source = fresh();
		await issue(source);
		const snapshot = await carried(source);
		const target = fresh();
		const own = await issue(target);
		target.clock.advance(60);
		await expect(target.restore(spoil(snapshot))).rejects.toThrow();
		expect((await send(target, own.access_token)).status).toBe(202);
		expect(target.clock.offsetSeconds).toBe(60);
	});

	test('a key whose private part does not match its public part fails before anything changes', async () => {
		const source = fresh();
		await issue(source);
		const other = fresh();
		await issue(other);
		const snapshot: any = await carried(source);
		const foreign: any = await carried(other);
		snapshot.signingKey.d = foreign.signingKey.d;
		const target = fresh();
		const own = await issue(target);
		await expect(target.restore(snapshot)).rejects.toThrow();
		expect((await send(target, own.access_token)).status).toBe(202);
	});
});
