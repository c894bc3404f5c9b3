/**
 * A client as a third-party integrator would build one: types generated from the OpenAPI document
 * by openapi-typescript (committed in ./generated/api.ts), driven by openapi-fetch, runs the quick
 * start's flow against the mock. `npm run typecheck` checks the calls below against the generated
 * types, so a document that types a field wrongly fails there, and a wrong answer fails here.
 */
import { readFileSync } from 'node:fs';
import createClient from 'openapi-fetch';
import { describe, expect, test } from 'vitest';
import { CLIENT_TYPES_PATH, clientTypes } from '../../../src/verify/openapi/clientTypes.ts';
import { basic } from '../../support/http.ts';
import { BASE_URL, useMockApi } from '../../support/useMockApi.ts';
import type { components, paths } from './generated/api.ts';

useMockApi();
// msw replaces `fetch` once the mock starts: look it up per request, not at creation.
const client = createClient<paths>({
	baseUrl: BASE_URL,
	fetch: (request) => globalThis.fetch(request),
});

describe('a client generated from the OpenAPI document', () => {
	test('runs the quick start: issue a pair, send a message, refresh, read the message', async () => {
		const issued = await client.POST('/3rdparty/v1/auth/token', {
			headers: { Authorization: basic() },
			body: { scopes: ['messages:send', 'messages:read'] },
		});
		expect(issued.response.status).toBe(201);
		if (!issued.data) throw new Error('no token pair');
		const pair: components['schemas']['TokenPairResponse'] = issued.data;
		expect(pair.token_type).toBe('Bearer');

		const sent = await client.POST('/3rdparty/v1/messages', {
			headers: { Authorization: `Bearer ${pair.access_token}` },
			body: { phoneNumbers: ['+15555550100'], textMessage: { text: 'Hello' } },
		});
		expect(sent.data?.state).toBe('Pending');

		const refreshed = await client.POST('/3rdparty/v1/auth/token/refresh', {
			headers: { Authorization: `Bearer ${pair.refresh_token}` },
		});
		expect(refreshed.response.status).toBe(201);
		const next = refreshed.data?.access_token ?? '';

		const read = await client.GET('/3rdparty/v1/messages/{id}', {
			params: { path: { id: sent.data?.id ?? '' } },
			headers: { Authorization: `Bearer ${next}` },
		});
		expect(read.data?.id).toBe(sent.data?.id);
	});

	test('errors are typed per id: the client narrows on `error` and reads typed `data`', async () => {
		const refused = await client.POST('/3rdparty/v1/service-tokens', {
			headers: { Authorization: basic() },
			body: { name: 'worker', scopes: ['settings:write'], ttl: 10 ** 9 },
		});
		const error = refused.error;
		if (error?.error !== 'ttl_too_long')
			throw new Error(`expected ttl_too_long: ${JSON.stringify(error)}`);
		// `max_ttl` is a number in the generated types, not `unknown`.
		const maxTtl: number = error.data.max_ttl;
		expect(maxTtl).toBeGreaterThan(0);
		expect(error.data.field).toBe('ttl');
		expect(refused.response.status).toBe(400);
	});

	test('returned scopes are the scope enum', async () => {
		const minted = await client.POST('/3rdparty/v1/service-tokens', {
			headers: { Authorization: basic() },
			body: { name: 'worker', scopes: ['messages:read'] },
		});
		const scopes: components['schemas']['RequestableScope'][] = minted.data?.scopes ?? [];
		expect(scopes).toEqual(['messages:read']);
	});

	test(`${CLIENT_TYPES_PATH} is what openapi-typescript makes of the document today`, async () => {
		// Stale types would type-check calls against an old document: run `npm run openapi:types`.
		expect(readFileSync(CLIENT_TYPES_PATH, 'utf8')).toBe(await clientTypes());
	}, 30_000);
});
