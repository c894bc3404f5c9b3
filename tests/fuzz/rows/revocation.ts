import { AUTHENTICATED, type CatalogueRow, error, noContent } from '../support/CatalogueRow.ts';

const UNAUTHORIZED = error('unauthorized');
const group = 'revocation';
const revoke = (id: string) => `/3rdparty/v1/auth/token/${id}`;

/** Revoked tokens and revocation by callers who may not revoke. */
export const REVOCATION: readonly CatalogueRow[] = [
	{
		group,
		name: 'a revoked access token',
		act: async (c) => {
			const pair = await c.issue(['messages:read']);
			await c.send({
				method: 'DELETE',
				path: revoke(pair.id),
				headers: { Authorization: c.basic() },
			});
			return c.probe(`Bearer ${pair.access_token}`);
		},
		expect: UNAUTHORIZED,
	},
	{
		group,
		name: 'revoking a pair’s id revokes its refresh token too',
		act: async (c) => {
			const pair = await c.issue();
			await c.send({
				method: 'DELETE',
				path: revoke(pair.id),
				headers: { Authorization: c.basic() },
			});
			return c.refresh(pair.refresh_token);
		},
		expect: UNAUTHORIZED,
	},
	{
		group,
		name: 'revoking without credentials',
		act: async (c) => c.send({ method: 'DELETE', path: revoke((await c.issue()).id) }),
		expect: UNAUTHORIZED,
	},
	{
		group,
		name: 'revoking with a token that lacks tokens:manage',
		act: async (c) => {
			const pair = await c.issue(['messages:read']);
			return c.send({
				method: 'DELETE',
				path: revoke(pair.id),
				headers: { Authorization: `Bearer ${pair.access_token}` },
			});
		},
		expect: error('scopeRequired', { scope: 'tokens:manage' }),
	},
	{
		group,
		name: 'an unknown jti is still 204 (nothing to learn from the answer)',
		act: (c) =>
			c.send({
				method: 'DELETE',
				path: revoke('no-such-token'),
				headers: { Authorization: c.basic() },
			}),
		expect: noContent(),
	},
	{
		group,
		name: 'another account cannot revoke the token (204, and it still works)',
		act: async (c) => {
			const pair = await c.issue(['messages:read']);
			await c.send({
				method: 'DELETE',
				path: revoke(pair.id),
				headers: { Authorization: c.basic('other', 'other-password') },
			});
			return c.probe(`Bearer ${pair.access_token}`);
		},
		expect: AUTHENTICATED,
	},
];
