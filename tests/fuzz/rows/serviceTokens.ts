import { serviceTokenCap } from '../../../src/mock/contract/lifetimes.ts';
import { ServiceTokenResponse } from '../../../src/mock/contract/schemas.ts';
import { type CatalogueRow, error, type RowContext, success } from '../support/CatalogueRow.ts';

const group = 'service tokens and renewal caps';
const PATH = '/3rdparty/v1/service-tokens';

const create = (c: RowContext, body: unknown, authorization = c.basic()) =>
	c.send({
		method: 'POST',
		path: PATH,
		headers: { Authorization: authorization, 'Content-Type': 'application/json' },
		body: JSON.stringify(body),
	});

const renew = (c: RowContext, id: string, body: unknown = {}, authorization = c.basic()) =>
	c.send({
		method: 'POST',
		path: `${PATH}/${id}/renew`,
		headers: { Authorization: authorization, 'Content-Type': 'application/json' },
		body: JSON.stringify(body),
	});

/** Mints a service token for the demo account; throws unless 201. */
async function mint(c: RowContext, scopes: string[]) {
	const response = await create(c, { name: 'billing-sync', scopes });
	if (response.status !== 201) throw new Error(`mint failed: ${response.status} ${response.text}`);
	return response.json as { id: string; token: string };
}

const SEND_CAP = serviceTokenCap(['messages:send']);
const SETTINGS_CAP = serviceTokenCap(['settings:write', 'messages:read']);

/** Service tokens minted or renewed beyond their caps, by the wrong caller, or from legacy rows. */
export const SERVICE_TOKENS: readonly CatalogueRow[] = [
	{
		group,
		name: 'control: a ttl at the cap is accepted',
		act: (c) => create(c, { name: 'n', scopes: ['messages:send'], ttl: SEND_CAP }),
		expect: success(201, ServiceTokenResponse),
	},
	{
		group,
		name: 'a ttl one second over the cap',
		act: (c) => create(c, { name: 'n', scopes: ['messages:send'], ttl: SEND_CAP + 1 }),
		expect: error('ttlTooLong', { max_ttl: SEND_CAP }),
	},
	{
		group,
		name: 'the cap is the strictest of the scopes',
		act: (c) =>
			create(c, { name: 'n', scopes: ['settings:write', 'messages:read'], ttl: SETTINGS_CAP + 1 }),
		expect: error('ttlTooLong', { max_ttl: SETTINGS_CAP }),
	},
	{
		group,
		name: 'a negative ttl',
		act: (c) => create(c, { name: 'n', scopes: ['messages:send'], ttl: -5 }),
		expect: error('invalidTtl'),
	},
	{
		group,
		name: 'an empty name',
		act: (c) => create(c, { name: '', scopes: ['messages:send'] }),
		expect: error('invalidName'),
	},
	{
		group,
		name: 'a name with a control character',
		act: (c) => create(c, { name: 'a\u0007b', scopes: ['messages:send'] }),
		expect: error('invalidName'),
	},
	{
		group,
		name: 'minting with a token that lacks tokens:manage',
		act: async (c) =>
			create(
				c,
				{ name: 'n', scopes: ['messages:send'] },
				`Bearer ${(await c.issue(['messages:send'])).access_token}`
			),
		expect: error('scopeRequired', { scope: 'tokens:manage' }),
	},
	{
		group,
		name: 'renewing over the cap',
		act: async (c) => renew(c, (await mint(c, ['messages:send'])).id, { ttl: SEND_CAP + 1 }),
		expect: error('ttlTooLong', { max_ttl: SEND_CAP }),
	},
	{
		group,
		name: 'renewing an id that does not exist',
		act: (c) => renew(c, 'AAAAAAAAAAAAAAAAAAAAA'),
		expect: error('serviceTokenNotFound'),
	},
	{
		group,
		name: 'renewing another account’s token',
		act: async (c) =>
			renew(c, (await mint(c, ['messages:send'])).id, {}, c.basic('other', 'other-password')),
		expect: error('serviceTokenNotFound'),
	},
	{
		group,
		name: 'renewing after a scope was taken from the account',
		act: async (c) => {
			const { id } = await mint(c, ['messages:send', 'messages:read']);
			c.api.removeAccountScope('demo', 'messages:send');
			return renew(c, id);
		},
		expect: error('missingScopes', { scopes: ['messages:send'] }),
	},
	{
		group,
		name: 'renewing a legacy token without recorded scopes',
		act: async (c) => {
			const legacy = await c.api.seedLegacyServiceToken({
				username: 'demo',
				name: 'legacy',
				scopes: ['messages:send'],
			});
			return renew(c, legacy.id);
		},
		expect: error('scopesNotRecorded'),
	},
	{
		group,
		name: 'a service token presented to the refresh endpoint',
		act: async (c) => c.refresh((await mint(c, ['messages:send'])).token),
		expect: error('scopeRequired', { scope: 'tokens:refresh' }),
	},
	{
		group,
		name: 'a service token without the endpoint’s scope',
		act: async (c) => c.probe(`Bearer ${(await mint(c, ['messages:send'])).token}`),
		expect: error('scopeRequired', { scope: 'messages:read' }),
	},
];
