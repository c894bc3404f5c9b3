import type { EndpointId } from '../../mock/contract/endpoints.ts';
import type { MockApi } from '../../mock/createMockApi.ts';
import type { TokenPairBody } from '../../mock/pairs/TokenPairs.ts';
import type { MockCall } from './callMock.ts';

/** What a recipe can do: call the mock in-process, as the demo account or with tokens. */
export interface RecipeClient {
	api: MockApi;
	call: (method: string, path: string, call?: MockCall) => Promise<Response>;
	/** `Authorization` value with the first account's Basic credentials. */
	basic: string;
	/** Issues a pair with Basic credentials; throws unless 201. */
	issue: (scopes: readonly string[]) => Promise<TokenPairBody>;
}

/** How one sample is recorded: the exchange that produces it and the status it must get. */
export interface SampleRecipe {
	/** File name under `src/samples/` and the `<Sample name="…">` attribute. */
	name: string;
	/** The endpoint of the recorded (last) exchange. */
	endpoint: EndpointId;
	status: number;
	/** Makes the exchange (after any set-up calls) and returns the response to record. */
	run: (client: RecipeClient) => Promise<Response>;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const message = { phoneNumbers: ['+15555550100'], textMessage: { text: 'Your code is 1234' } };

/**
 * Every response sample the pages can show. A sample is recorded, never typed: change a recipe
 * here, run `npm run samples:record`, and the test in tests/samples/ keeps the files honest.
 */
export const SAMPLE_RECIPES: readonly SampleRecipe[] = [
	{
		name: 'token-pair',
		endpoint: 'issueTokenPair',
		status: 201,
		run: (c) =>
			c.call('POST', '/3rdparty/v1/auth/token', {
				authorization: c.basic,
				json: { scopes: ['messages:send', 'messages:read'] },
			}),
	},
	{
		name: 'token-pair-refreshed',
		endpoint: 'refreshTokenPair',
		status: 201,
		run: async (c) => {
			const pair = await c.issue(['messages:send', 'messages:read']);
			return c.call('POST', '/3rdparty/v1/auth/token/refresh', bearer(pair.refresh_token));
		},
	},
	{
		name: 'error-400-unknown-scope',
		endpoint: 'issueTokenPair',
		status: 400,
		run: (c) =>
			c.call('POST', '/3rdparty/v1/auth/token', {
				authorization: c.basic,
				json: { scopes: ['messages:write'] },
			}),
	},
	{
		name: 'error-400-scopes-required',
		endpoint: 'issueTokenPair',
		status: 400,
		run: (c) =>
			c.call('POST', '/3rdparty/v1/auth/token', { authorization: c.basic, json: { scopes: [] } }),
	},
	{
		name: 'error-401-refresh-reused',
		endpoint: 'refreshTokenPair',
		status: 401,
		run: async (c) => {
			const pair = await c.issue(['messages:send']);
			await c.call('POST', '/3rdparty/v1/auth/token/refresh', bearer(pair.refresh_token));
			return c.call('POST', '/3rdparty/v1/auth/token/refresh', bearer(pair.refresh_token));
		},
	},
	{
		name: 'error-401-expired-access-token',
		endpoint: 'sendMessage',
		status: 401,
		run: async (c) => {
			const pair = await c.issue(['messages:send']);
			c.api.clock.advance(900);
			return c.call('POST', '/3rdparty/v1/messages', {
				...bearer(pair.access_token),
				json: message,
			});
		},
	},
	{
		name: 'error-403-scope-required',
		endpoint: 'sendMessage',
		status: 403,
		run: async (c) => {
			const pair = await c.issue(['messages:read']);
			return c.call('POST', '/3rdparty/v1/messages', {
				...bearer(pair.access_token),
				json: message,
			});
		},
	},
	{
		name: 'error-403-refresh-with-access-token',
		endpoint: 'refreshTokenPair',
		status: 403,
		run: async (c) => {
			const pair = await c.issue(['messages:send']);
			return c.call('POST', '/3rdparty/v1/auth/token/refresh', bearer(pair.access_token));
		},
	},
	{
		name: 'jwks',
		endpoint: 'getJwks',
		status: 200,
		run: (c) => c.call('GET', '/3rdparty/v1/auth/jwks'),
	},
	{
		name: 'message',
		endpoint: 'sendMessage',
		status: 202,
		run: async (c) => {
			const pair = await c.issue(['messages:send']);
			return c.call('POST', '/3rdparty/v1/messages', {
				...bearer(pair.access_token),
				json: message,
			});
		},
	},
	{
		name: 'message-state',
		endpoint: 'getMessage',
		status: 200,
		run: async (c) => {
			const pair = await c.issue(['messages:send', 'messages:read']);
			const sent = await c.call('POST', '/3rdparty/v1/messages', {
				...bearer(pair.access_token),
				json: message,
			});
			const { id } = (await sent.json()) as { id: string };
			return c.call('GET', `/3rdparty/v1/messages/${id}`, bearer(pair.access_token));
		},
	},
	{
		name: 'service-token',
		endpoint: 'createServiceToken',
		status: 201,
		run: (c) =>
			c.call('POST', '/3rdparty/v1/service-tokens', {
				authorization: c.basic,
				json: { name: 'billing-sync', scopes: ['messages:send'] },
			}),
	},
	{
		name: 'service-token-renewed',
		endpoint: 'renewServiceToken',
		status: 201,
		run: async (c) => {
			const created = await c.call('POST', '/3rdparty/v1/service-tokens', {
				authorization: c.basic,
				json: { name: 'billing-sync', scopes: ['messages:send'] },
			});
			const { id } = (await created.json()) as { id: string };
			return c.call('POST', `/3rdparty/v1/service-tokens/${id}/renew`, {
				authorization: c.basic,
				json: {},
			});
		},
	},
	{
		name: 'service-token-list',
		endpoint: 'listServiceTokens',
		status: 200,
		run: async (c) => {
			await c.call('POST', '/3rdparty/v1/service-tokens', {
				authorization: c.basic,
				json: { name: 'billing-sync', scopes: ['messages:send'] },
			});
			return c.call('GET', '/3rdparty/v1/service-tokens', { authorization: c.basic });
		},
	},
	{
		name: 'error-400-ttl-too-long',
		endpoint: 'createServiceToken',
		status: 400,
		run: (c) =>
			c.call('POST', '/3rdparty/v1/service-tokens', {
				authorization: c.basic,
				json: { name: 'billing-sync', scopes: ['settings:write'], ttl: 31_536_000 },
			}),
	},
	{
		name: 'error-403-missing-scopes',
		endpoint: 'renewServiceToken',
		status: 403,
		run: async (c) => {
			const created = await c.call('POST', '/3rdparty/v1/service-tokens', {
				authorization: c.basic,
				json: { name: 'billing-sync', scopes: ['messages:send', 'messages:read'] },
			});
			const { id } = (await created.json()) as { id: string };
			c.api.removeAccountScope(c.api.accounts[0]?.username ?? '', 'messages:send');
			return c.call('POST', `/3rdparty/v1/service-tokens/${id}/renew`, {
				authorization: c.basic,
				json: {},
			});
		},
	},
	{
		name: 'session',
		endpoint: 'login',
		status: 200,
		run: (c) => {
			const account = c.api.accounts[0];
			return c.call('POST', '/auth/login', {
				json: { username: account?.username, password: account?.password },
			});
		},
	},
	{
		name: 'error-403-csrf-header-required',
		endpoint: 'refreshSession',
		status: 403,
		run: (c) => c.call('POST', '/auth/refresh'),
	},
];
