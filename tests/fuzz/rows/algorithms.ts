import { type CatalogueRow, error, type RowContext } from '../support/CatalogueRow.ts';
import {
	claimsOf,
	compact,
	type ForeignAlg,
	hs256WithPublicKey,
	nonCanonicalSignature,
	signedByStranger,
	strangerJwk,
} from '../support/forgeries.ts';

const UNAUTHORIZED = error('unauthorized');
const group = 'algorithms';

/** A genuine access token, its claims and the mock's key: the raw material of every forgery. */
async function material(c: RowContext) {
	const token = (await c.issue(['messages:read'])).access_token;
	const key = await c.api.signingKey();
	return { token, claims: claimsOf(token), key, kid: key.kid };
}

const stranger = (alg: ForeignAlg): CatalogueRow => ({
	group,
	name: `${alg}, signed by a key the mock never issued`,
	act: async (c) => {
		const { claims, kid } = await material(c);
		return c.probe(`Bearer ${await signedByStranger(alg, claims, { kid })}`);
	},
	expect: UNAUTHORIZED,
});

const confusion = (form: 'jwk-json' | 'raw-point' | 'spki-pem'): CatalogueRow => ({
	group,
	name: `HS256 with the mock's public key (${form}) as the HMAC secret`,
	act: async (c) => {
		const { claims, key } = await material(c);
		return c.probe(
			`Bearer ${await hs256WithPublicKey(claims, key.publicJwk, key.publicKey, form)}`
		);
	},
	expect: UNAUTHORIZED,
});

/** Tokens whose signature or algorithm is not the mock's ES256 key. */
export const ALGORITHMS: readonly CatalogueRow[] = [
	...(['none', 'None', 'NONE', 'nOnE'] as const).map((alg): CatalogueRow => ({
		group,
		name: `alg "${alg}" with genuine claims and no signature`,
		act: async (c) => {
			const { claims, kid } = await material(c);
			return c.probe(`Bearer ${compact({ alg, typ: 'JWT', kid }, claims)}`);
		},
		expect: UNAUTHORIZED,
	})),
	{
		group,
		name: 'alg "none" keeping the genuine signature',
		act: async (c) => {
			const { token, claims, kid } = await material(c);
			const signature = token.split('.')[2] ?? '';
			return c.probe(`Bearer ${compact({ alg: 'none', kid }, claims, signature)}`);
		},
		expect: UNAUTHORIZED,
	},
	...(['ES256', 'ES384', 'ES512', 'RS256', 'PS256', 'EdDSA'] as const).map(stranger),
	confusion('jwk-json'),
	confusion('raw-point'),
	confusion('spki-pem'),
	{
		group,
		name: 'the attacker’s own public key embedded in the header (jwk)',
		act: async (c) => {
			const { claims } = await material(c);
			const jwk = await strangerJwk('ES256');
			return c.probe(`Bearer ${await signedByStranger('ES256', claims, { jwk })}`);
		},
		expect: UNAUTHORIZED,
	},
	{
		group,
		name: 'a jku header pointing at the attacker’s key set',
		act: async (c) => {
			const { claims } = await material(c);
			const header = { jku: 'https://attacker.example/jwks.json', kid: 'attacker' };
			return c.probe(`Bearer ${await signedByStranger('ES256', claims, header)}`);
		},
		expect: UNAUTHORIZED,
	},
	{
		group,
		name: 'the signature of another genuine token',
		act: async (c) => {
			const { token } = await material(c);
			const other = (await c.issue(['messages:read'])).access_token;
			return c.probe(
				`Bearer ${token.slice(0, token.lastIndexOf('.'))}${other.slice(other.lastIndexOf('.'))}`
			);
		},
		expect: UNAUTHORIZED,
	},
	{
		group,
		name: 'ES256 with an empty signature',
		act: async (c) => {
			const { token } = await material(c);
			return c.probe(`Bearer ${token.slice(0, token.lastIndexOf('.') + 1)}`);
		},
		expect: UNAUTHORIZED,
	},
	{
		group,
		name: 'the header edited (kid changed) under the genuine signature',
		act: async (c) => {
			const { token, claims } = await material(c);
			const signature = token.split('.')[2] ?? '';
			return c.probe(
				`Bearer ${compact({ alg: 'ES256', typ: 'JWT', kid: 'other' }, claims, signature)}`
			);
		},
		expect: UNAUTHORIZED,
	},
	{
		group,
		name: 'the genuine signature re-encoded (non-canonical base64url, same bytes)',
		act: async (c) => c.probe(`Bearer ${nonCanonicalSignature((await material(c)).token)}`),
		expect: UNAUTHORIZED,
		note:
			'A token that is not byte-identical to a genuine one must not authenticate. jose decodes ' +
			'base64url leniently (padding bits ignored), so TokenService.verify must refuse segments ' +
			'that do not re-encode to themselves.',
	},
];
