import { MAX_URL_LENGTH } from '../../../src/mock/contract/endpoints.ts';
import { TokenPairResponse } from '../../../src/mock/contract/schemas.ts';
import { type CatalogueRow, error, success } from '../support/CatalogueRow.ts';

const group = 'requests';

/**
 * Requests wrong in their shape rather than their credentials: URLs over the limit, methods a
 * path does not take (a literal path is never a parameter's value), repeated scopes, and
 * authority a token tries to extend or keep (self-renewal, a refresh after a grant was lost).
 * Raw HTTP faults (no `Host`, `Expect`, `TRACE`, parser errors) are in startHttpServer's tests.
 */
export const REQUESTS: readonly CatalogueRow[] = [
	{
		group,
		name: `a URL over ${MAX_URL_LENGTH} characters`,
		act: (c) =>
			c.send({ method: 'GET', path: `/3rdparty/v1/messages/${'a'.repeat(MAX_URL_LENGTH)}` }),
		expect: error('uriTooLong'),
	},
	{
		group,
		name: 'DELETE on the refresh path is not the revocation of a jti "refresh"',
		act: (c) =>
			c.send({
				method: 'DELETE',
				path: '/3rdparty/v1/auth/token/refresh',
				headers: { Authorization: c.basic() },
			}),
		expect: error('methodNotAllowed', {}, { allow: 'POST' }),
	},
	{
		group,
		name: 'an odd method (PROPFIND) on a known path',
		act: (c) => c.send({ method: 'PROPFIND', path: '/3rdparty/v1/messages' }),
		expect: error('methodNotAllowed', {}, { allow: 'POST' }),
	},
	{
		group,
		name: 'a scope listed 400 times still makes a pair that refreshes',
		act: async (c) => {
			const pair = await c.issue(Array.from({ length: 400 }, () => 'messages:read'));
			return c.refresh(pair.refresh_token);
		},
		expect: success(201, TokenPairResponse),
	},
	{
		group,
		name: 'a refresh after the account lost a scope does not grant it',
		act: async (c) => {
			const pair = await c.issue(['messages:send', 'messages:read']);
			c.api.removeAccountScope('demo', 'messages:send');
			const refreshed = await c.refresh(pair.refresh_token);
			const next = refreshed.json as { access_token: string };
			return c.send({
				method: 'POST',
				path: '/3rdparty/v1/messages',
				headers: {
					Authorization: `Bearer ${next.access_token}`,
					'Content-Type': 'application/json',
				},
				body: JSON.stringify({ phoneNumbers: ['+15555550100'], textMessage: { text: 'x' } }),
			});
		},
		expect: error('scopeRequired', { scope: 'messages:send' }),
	},
	{
		group,
		name: 'a tokens:manage service token renewing itself',
		act: async (c) => {
			const created = await c.send({
				method: 'POST',
				path: '/3rdparty/v1/service-tokens',
				headers: { Authorization: c.basic(), 'Content-Type': 'application/json' },
				body: JSON.stringify({ name: 'ops', scopes: ['tokens:manage'] }),
			});
			const token = created.json as { id: string; token: string };
			return c.send({
				method: 'POST',
				path: `/3rdparty/v1/service-tokens/${token.id}/renew`,
				headers: { Authorization: `Bearer ${token.token}` },
			});
		},
		expect: error('selfRenewal'),
	},
];
