import { describe, expect, test } from 'vitest';
import { basic, bearer, call, issuePair } from '../../support/http.ts';
import { useMockApi } from '../../support/useMockApi.ts';

const api = useMockApi();
const message = { phoneNumbers: ['+15550100'], textMessage: { text: 'Hello' } };
const send = (authorization: string) =>
	call('POST', '/3rdparty/v1/messages', { authorization, json: message });

describe('Basic credentials carry all:any limited to the account’s grants', () => {
	test('a default account can do everything, as before', async () => {
		expect((await send(basic())).status).toBe(202);
	});

	test('after a scope is taken away, Basic no longer holds it (nor all:any)', async () => {
		api.removeAccountScope('demo', 'messages:send');
		expect(await send(basic())).toMatchObject({
			status: 403,
			body: { message: 'scope required: messages:send' },
		});
		const wildcard = await call('POST', '/3rdparty/v1/auth/token', {
			authorization: basic(),
			json: { scopes: ['all:any'] },
		});
		expect(wildcard).toMatchObject({ status: 403, body: { message: 'scope required: all:any' } });
		expect((await send(basic('other', 'other-password'))).status).toBe(202);
	});

	test('an access token issued before keeps the scope until it expires, but mints nothing with it', async () => {
		const manager = await issuePair(['all:any']);
		api.removeAccountScope('demo', 'messages:send');
		expect((await send(bearer(manager.access_token))).status).toBe(202);
		const minted = await call('POST', '/3rdparty/v1/auth/token', {
			authorization: bearer(manager.access_token),
			json: { scopes: ['messages:send'] },
		});
		expect(minted).toMatchObject({
			status: 403,
			body: { message: 'scope required: messages:send' },
		});
	});

	test('reset gives the scope back', async () => {
		api.removeAccountScope('demo', 'messages:send');
		api.reset();
		expect((await send(basic())).status).toBe(202);
	});
});
