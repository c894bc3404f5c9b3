import { AUTHENTICATED, type CatalogueRow, error } from '../support/CatalogueRow.ts';
import { claimsOf, compact, headerOf } from '../support/forgeries.ts';

const UNAUTHORIZED = error('unauthorized');
const group = 'claims';

/**
 * A genuine access token's claims edited, then signed with the mock's own key (as if it had
 * leaked), so the signature is fine and only the claim checks can refuse the token. The `jti` is a
 * real, active one unless the edit says otherwise.
 */
function edited(name: string, edit: (claims: Record<string, unknown>) => void): CatalogueRow {
	return {
		group,
		name,
		act: async (c) => {
			const claims = claimsOf((await c.issue(['messages:read'])).access_token);
			edit(claims);
			return c.probe(`Bearer ${await c.resign(claims)}`);
		},
		expect: UNAUTHORIZED,
	};
}

/** Tokens with a valid signature whose claims are wrong, and tokens used where they do not belong. */
export const CLAIMS: readonly CatalogueRow[] = [
	{
		group,
		name: 'control: the genuine claims re-signed with the mock’s key authenticate',
		act: async (c) =>
			c.probe(
				`Bearer ${await c.resign(claimsOf((await c.issue(['messages:read'])).access_token))}`
			),
		expect: AUTHENTICATED,
	},
	edited('no exp', (claims) => delete claims['exp']),
	edited('exp in milliseconds', (claims) => {
		claims['exp'] = Number(claims['exp']) * 1000;
	}),
	edited('exp as a string', (claims) => {
		claims['exp'] = String(claims['exp']);
	}),
	edited('exp one second ago', (claims) => {
		claims['exp'] = Number(claims['iat']) - 1;
	}),
	edited('exp now: a token is invalid at exp', (claims) => {
		claims['exp'] = claims['iat'];
	}),
	edited('nbf in the future', (claims) => {
		claims['nbf'] = Number(claims['iat']) + 600;
	}),
	edited('no iat', (claims) => delete claims['iat']),
	edited('another issuer', (claims) => {
		claims['iss'] = 'https://attacker.example';
	}),
	edited('no issuer', (claims) => delete claims['iss']),
	edited('no sub', (claims) => delete claims['sub']),
	edited('no type', (claims) => delete claims['type']),
	edited('type "refresh"', (claims) => {
		claims['type'] = 'refresh';
	}),
	edited('type "ACCESS" (case matters)', (claims) => {
		claims['type'] = 'ACCESS';
	}),
	edited('scopes as a string', (claims) => {
		claims['scopes'] = 'messages:read';
	}),
	edited('no scopes', (claims) => delete claims['scopes']),
	edited('a jti the mock never issued', (claims) => {
		claims['jti'] = 'AAAAAAAAAAAAAAAAAAAAA';
	}),
	edited('no jti', (claims) => delete claims['jti']),
	{
		group,
		name: 'scopes edited in the payload, signature left as it was',
		act: async (c) => {
			const token = (await c.issue(['messages:read'])).access_token;
			const signature = token.split('.')[2] ?? '';
			const claims = { ...claimsOf(token), scopes: ['all:any'] };
			return c.probe(`Bearer ${compact(headerOf(token), claims, signature)}`);
		},
		expect: UNAUTHORIZED,
	},
	{
		group,
		name: 'a genuine refresh token used as an access token',
		act: async (c) => c.probe(`Bearer ${(await c.issue(['messages:read'])).refresh_token}`),
		expect: UNAUTHORIZED,
	},
	{
		group,
		name: 'a genuine access token without the endpoint’s scope',
		act: async (c) => c.probe(`Bearer ${(await c.issue(['messages:send'])).access_token}`),
		expect: error('scopeRequired', { scope: 'messages:read' }),
	},
	{
		group,
		name: 'a genuine access token past its exp (clock moved 900 s)',
		act: async (c) => {
			const token = (await c.issue(['messages:read'])).access_token;
			c.api.clock.advance(900);
			return c.probe(`Bearer ${token}`);
		},
		expect: UNAUTHORIZED,
	},
];
