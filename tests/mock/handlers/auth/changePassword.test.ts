import { describe, expect, test } from 'vitest';
import { BASIC_CHALLENGE } from '../../../../src/mock/contract/http.ts';
import { errorBody } from '../../../../src/mock/contract/errors.ts';
import { createMockApi } from '../../../../src/mock/createMockApi.ts';
import { basic, bearer, call, issuePair, refresh } from '../../../support/http.ts';
import { DEMO, useMockApi } from '../../../support/useMockApi.ts';
import { mintServiceToken } from '../../support/serviceTokens.ts';
import { login, refreshSession } from '../../support/sessions.ts';

const api = useMockApi();
const PASSWORD = '/3rdparty/v1/auth/password';
const REVOKE_ALL = '/3rdparty/v1/auth/logins/revoke';
const NEW = 'a-new-long-password';

const change = (newPassword: unknown, authorization: string = basic()) =>
	call('POST', PASSWORD, { authorization, json: { new_password: newPassword } });
const works = async (token: string) =>
	(await call('GET', '/3rdparty/v1/messages/none', { authorization: bearer(token) })).status ===
	404;

describe('POST /3rdparty/v1/auth/password', () => {
	test('204; the old password stops working and the new one works at once', async () => {
		const result = await change(NEW);
		expect(result.status).toBe(204);
		expect(result.headers.get('cache-control')).toBe('no-store');
		expect(
			(await call('GET', '/3rdparty/v1/service-tokens', { authorization: basic() })).status
		).toBe(401);
		const withNew = basic(DEMO.username, NEW);
		expect(
			(await call('GET', '/3rdparty/v1/service-tokens', { authorization: withNew })).status
		).toBe(200);
		expect((await login({ username: DEMO.username, password: NEW })).status).toBe(200);
	});

	test('ends every login, session and service token of the account in the same step', async () => {
		const pair = await issuePair();
		const session = await login();
		const service = await mintServiceToken(['messages:read']);
		await change(NEW);
		expect(await works(pair.access_token)).toBe(false);
		expect(await works(session.body.access_token)).toBe(false);
		expect(await works(service.token)).toBe(false);
		expect((await refresh(pair.refresh_token)).status).toBe(401);
		expect((await refreshSession(session.cookie)).status).toBe(401);
	});

	test('a token can never change the password, whatever its scopes: 401 with a Basic challenge', async () => {
		const all = await issuePair(['all:any']);
		const result = await change(NEW, bearer(all.access_token));
		expect(result).toMatchObject({ status: 401, body: errorBody('unauthorized') });
		expect(result.headers.get('www-authenticate')).toBe(BASIC_CHALLENGE.value);
		expect(await works(all.access_token)).toBe(true);
	});

	test.each([
		{ why: 'missing', json: {} },
		{ why: 'not a string', json: { new_password: 12345678 } },
		{ why: 'too short', json: { new_password: 'seven77' } },
		{ why: 'too long', json: { new_password: 'x'.repeat(257) } },
		{ why: 'the current one', json: { new_password: DEMO.password } },
	])('a new password that is $why: 400 naming the field, nothing changes', async ({ json }) => {
		const pair = await issuePair();
		const result = await call('POST', PASSWORD, { authorization: basic(), json });
		expect(result).toMatchObject({ status: 400, body: errorBody('invalidNewPassword') });
		expect(await works(pair.access_token)).toBe(true);
	});

	test('a pair issued with the old password while the change is in flight is never left alive', async () => {
		const [issued, changed] = await Promise.all([
			call('POST', '/3rdparty/v1/auth/token', {
				authorization: basic(),
				json: { scopes: ['messages:read'] },
			}),
			change(NEW),
		]);
		expect(changed.status).toBe(204);
		if (issued.status === 201) {
			expect(await works(issued.body.access_token)).toBe(false);
			expect((await refresh(issued.body.refresh_token)).status).toBe(401);
		} else {
			expect(issued.status).toBe(401);
		}
	});

	test('reset() puts the configured password back; a snapshot carries the changed one', async () => {
		await change(NEW);
		const snapshot = await api.snapshot();
		const other = createMockApi();
		await other.restore(snapshot);
		expect(other.accounts.map((account) => account.username)).toContain('demo');
		api.reset();
		expect(
			(await call('GET', '/3rdparty/v1/service-tokens', { authorization: basic() })).status
		).toBe(200);
		await api.restore(snapshot);
		expect(
			(await call('GET', '/3rdparty/v1/service-tokens', { authorization: basic() })).status
		).toBe(401);
	});
});

describe('POST /3rdparty/v1/auth/logins/revoke', () => {
	test('204; every login and service token ends, the password stays, another account is untouched', async () => {
		const pair = await issuePair();
		const service = await mintServiceToken(['messages:read']);
		const theirs = await call('POST', '/3rdparty/v1/auth/token', {
			authorization: basic('other', 'other-password'),
			json: { scopes: ['messages:read'] },
		});
		const result = await call('POST', REVOKE_ALL, { authorization: basic() });
		expect(result.status).toBe(204);
		expect(await works(pair.access_token)).toBe(false);
		expect(await works(service.token)).toBe(false);
		expect((await refresh(pair.refresh_token)).status).toBe(401);
		expect(await works(theirs.body.access_token)).toBe(true);
		expect((await issuePair()).token_type).toBe('Bearer');
	});

	test('no credentials, a wrong password or a token: 401 with the Basic challenge', async () => {
		const manager = await issuePair(['tokens:manage', 'messages:read']);
		for (const authorization of [undefined, basic('demo', 'wrong'), bearer(manager.access_token)]) {
			const result = await call('POST', REVOKE_ALL, {
				...(authorization === undefined ? {} : { authorization }),
			});
			expect(result).toMatchObject({ status: 401, body: errorBody('unauthorized') });
			expect(result.headers.get('www-authenticate')).toBe(BASIC_CHALLENGE.value);
		}
		expect(await works(manager.access_token)).toBe(true);
	});
});
