import { base64url } from 'jose';
import { AUTHENTICATED, type CatalogueRow, error } from '../support/CatalogueRow.ts';
import { compact } from '../support/forgeries.ts';

const UNAUTHORIZED = error('unauthorized');
const group = 'token parsing';
const access = async (c: Parameters<CatalogueRow['act']>[0]) =>
	(await c.issue(['messages:read'])).access_token;

/** Malformed `Authorization` headers and tokens that are not JWTs at all. */
export const TOKEN_PARSING: readonly CatalogueRow[] = [
	{
		group,
		name: 'control: a genuine access token authenticates',
		act: async (c) => c.probe(`Bearer ${await access(c)}`),
		expect: AUTHENTICATED,
	},
	{
		group,
		name: 'control: the scheme is case-insensitive (RFC 7235)',
		act: async (c) => c.probe(`bearer ${await access(c)}`),
		expect: AUTHENTICATED,
	},
	{ group, name: 'no Authorization header', act: (c) => c.probe(undefined), expect: UNAUTHORIZED },
	{ group, name: '"Bearer" and nothing else', act: (c) => c.probe('Bearer'), expect: UNAUTHORIZED },
	{
		group,
		name: 'an unknown scheme with a genuine token',
		act: async (c) => c.probe(`Token ${await access(c)}`),
		expect: UNAUTHORIZED,
	},
	{ group, name: 'one segment', act: (c) => c.probe('Bearer abcdef'), expect: UNAUTHORIZED },
	{
		group,
		name: 'two segments (signature dropped with its dot)',
		act: async (c) => c.probe(`Bearer ${(await access(c)).split('.').slice(0, 2).join('.')}`),
		expect: UNAUTHORIZED,
	},
	{
		group,
		name: 'an extra fourth segment',
		act: async (c) => c.probe(`Bearer ${await access(c)}.c2lnbmF0dXJl`),
		expect: UNAUTHORIZED,
	},
	{
		group,
		name: 'five segments (JWE-shaped)',
		act: async (c) => c.probe(`Bearer ${await access(c)}.a.b`),
		expect: UNAUTHORIZED,
	},
	{
		group,
		name: 'truncated by ten characters',
		act: async (c) => c.probe(`Bearer ${(await access(c)).slice(0, -10)}`),
		expect: UNAUTHORIZED,
	},
	{
		group,
		name: 'a header segment that is not base64url JSON',
		act: async (c) => c.probe(`Bearer a.${(await access(c)).split('.').slice(1).join('.')}`),
		expect: UNAUTHORIZED,
	},
	{
		group,
		name: 'a payload that is not JSON',
		act: async (c) => {
			const [header = '', , signature = ''] = (await access(c)).split('.');
			return c.probe(`Bearer ${header}.${base64url.encode('not json')}.${signature}`);
		},
		expect: UNAUTHORIZED,
	},
	{
		group,
		name: 'a payload that is a JSON array',
		act: (c) => c.probe(`Bearer ${compact({ alg: 'ES256' }, [1, 2], 'c2ln')}`),
		expect: UNAUTHORIZED,
	},
	{
		group,
		name: 'a 9,000-character token (under the header limit, over the token limit)',
		act: (c) => c.probe(`Bearer ${'eyJhbGciOiJFUzI1NiJ9.'.padEnd(9000, 'A')}.sig`),
		expect: UNAUTHORIZED,
	},
	{
		group,
		name: 'characters outside RFC 6750 b64token',
		act: async (c) => c.probe(`Bearer ${(await access(c)).replace('.', '.%')}`),
		expect: UNAUTHORIZED,
	},
	{
		group,
		name: 'two bearer credentials in one header',
		act: async (c) => {
			const token = await access(c);
			return c.probe(`Bearer ${token}, Bearer ${token}`);
		},
		expect: UNAUTHORIZED,
	},
	{
		group,
		name: 'the token in the query string instead of the header',
		act: async (c) =>
			c.send({ method: 'GET', path: `/3rdparty/v1/messages/nope?access_token=${await access(c)}` }),
		expect: UNAUTHORIZED,
	},
	{
		group,
		name: 'Basic with bad base64',
		act: (c) => c.probe('Basic %%%not-base64'),
		expect: UNAUTHORIZED,
	},
	{
		group,
		name: 'Basic with a wrong password',
		act: (c) => c.probe(c.basic('demo', 'guess')),
		expect: UNAUTHORIZED,
	},
	{
		group,
		name: 'Basic for an unknown user',
		act: (c) => c.probe(c.basic('nobody', 'demo-password')),
		expect: UNAUTHORIZED,
	},
	{
		group,
		name: 'Basic without a colon',
		act: (c) => c.probe(`Basic ${btoa('demodemo-password')}`),
		expect: UNAUTHORIZED,
	},
	{
		group,
		name: 'Basic credentials that are not UTF-8',
		act: (c) => c.probe(`Basic ${btoa('demo:\xff\xfe')}`),
		expect: UNAUTHORIZED,
	},
];
