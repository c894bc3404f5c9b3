import { TokenPairResponse } from '../../../src/mock/contract/schemas.ts';
import { AUTHENTICATED, type CatalogueRow, error, success } from '../support/CatalogueRow.ts';

const UNAUTHORIZED = error('unauthorized');
const ROTATED = success(201, TokenPairResponse);
const group = 'rotation';
const DAY = 86_400;

/** Refresh tokens spent twice, raced, expired, or presented by the wrong credential. */
export const ROTATION: readonly CatalogueRow[] = [
	{
		group,
		name: 'control: a fresh refresh token rotates',
		act: async (c) => c.refresh((await c.issue()).refresh_token),
		expect: ROTATED,
	},
	{
		group,
		name: 'a spent refresh token replayed',
		act: async (c) => {
			const { refresh_token: token } = await c.issue();
			await c.refresh(token);
			return c.refresh(token);
		},
		expect: UNAUTHORIZED,
	},
	{
		group,
		name: 'reuse under revoke-family: the newest refresh token dies too',
		act: async (c) => {
			c.api.settings.reusePolicy = 'revoke-family';
			const { refresh_token: token } = await c.issue();
			const next = (await c.refresh(token)).json as { refresh_token: string };
			await c.refresh(token);
			return c.refresh(next.refresh_token);
		},
		expect: UNAUTHORIZED,
	},
	{
		group,
		name: 'reuse under revoke-family: the newest access token dies too',
		act: async (c) => {
			c.api.settings.reusePolicy = 'revoke-family';
			const { refresh_token: token } = await c.issue(['messages:read']);
			const next = (await c.refresh(token)).json as { access_token: string };
			await c.refresh(token);
			return c.probe(`Bearer ${next.access_token}`);
		},
		expect: UNAUTHORIZED,
	},
	{
		group,
		name: 'control: reuse under reject leaves the newest pair alive',
		act: async (c) => {
			const { refresh_token: token } = await c.issue();
			const next = (await c.refresh(token)).json as { refresh_token: string };
			await c.refresh(token);
			return c.refresh(next.refresh_token);
		},
		expect: ROTATED,
	},
	{
		group,
		name: 'eight concurrent refreshes with one token: exactly one wins',
		act: async (c) => {
			const { refresh_token: token } = await c.issue();
			return Promise.all(Array.from({ length: 8 }, () => c.refresh(token)));
		},
		expect: [ROTATED, ...Array.from({ length: 7 }, () => UNAUTHORIZED)],
	},
	{
		group,
		name: 'control: within the overlap window the predecessor yields the same pair',
		act: async (c) => {
			c.api.settings.overlapSeconds = 30;
			const { refresh_token: token } = await c.issue();
			await c.refresh(token);
			c.api.clock.advance(10);
			return c.refresh(token);
		},
		expect: ROTATED,
	},
	{
		group,
		name: 'after the overlap window the predecessor is reuse',
		act: async (c) => {
			c.api.settings.overlapSeconds = 30;
			const { refresh_token: token } = await c.issue();
			await c.refresh(token);
			c.api.clock.advance(31);
			return c.refresh(token);
		},
		expect: UNAUTHORIZED,
	},
	{
		group,
		name: 'a refresh token past its 30 days',
		act: async (c) => {
			const { refresh_token: token } = await c.issue();
			c.api.clock.advance(30 * DAY);
			return c.refresh(token);
		},
		expect: UNAUTHORIZED,
	},
	{
		group,
		name: 'a family past its 90 days, however often it rotated',
		act: async (c) => {
			let token = (await c.issue()).refresh_token;
			for (const days of [25, 25, 25, 14]) {
				c.api.clock.advance(days * DAY);
				const rotated = await c.refresh(token);
				if (rotated.status !== 201)
					throw new Error(`rotation on day ~${days} failed: ${rotated.status}`);
				token = (rotated.json as { refresh_token: string }).refresh_token;
			}
			c.api.clock.advance(2 * DAY);
			return c.refresh(token);
		},
		expect: UNAUTHORIZED,
	},
	{
		group,
		name: 'an access token presented to the refresh endpoint',
		act: async (c) => c.refresh((await c.issue()).access_token),
		expect: error('scopeRequired', { scope: 'tokens:refresh' }),
	},
	{
		group,
		name: 'Basic credentials presented to the refresh endpoint',
		act: async (c) =>
			c.send({
				method: 'POST',
				path: '/3rdparty/v1/auth/token/refresh',
				headers: { Authorization: c.basic() },
			}),
		expect: error('scopeRequired', { scope: 'tokens:refresh' }),
	},
	{
		group,
		name: 'no credentials at the refresh endpoint',
		act: (c) => c.send({ method: 'POST', path: '/3rdparty/v1/auth/token/refresh' }),
		expect: UNAUTHORIZED,
	},
	{
		group,
		name: 'control: rotation does not revoke the previous access token',
		act: async (c) => {
			const pair = await c.issue(['messages:read']);
			await c.refresh(pair.refresh_token);
			return c.probe(`Bearer ${pair.access_token}`);
		},
		expect: AUTHENTICATED,
	},
];
