import fc from 'fast-check';
import { base64url } from 'jose';
import type { z } from 'zod';
import { ENDPOINTS, type Endpoint } from '../../../src/mock/contract/endpoints.ts';
import {
	CreateServiceTokenRequest,
	IssueTokenRequest,
	LoginRequest,
	RenewServiceTokenRequest,
	SendMessageRequest,
} from '../../../src/mock/contract/schemas.ts';
import { MAX_BODY_BYTES } from '../../../src/mock/http/readJsonBody.ts';

/** Genuine credentials minted before a run: what a mutation starts from. */
export interface GenuinePool {
	tokens: readonly string[];
	/** Ids that exist (pairs, service tokens, messages), so path parameters sometimes hit. */
	ids: readonly string[];
	/** `Authorization` values with valid Basic credentials. */
	basics: readonly string[];
	/** A browser session's refresh cookie value. */
	cookie: string;
}

/** How the generator built a credential: the oracle decides what a 2xx may mean from it. */
export type CredentialKind = 'none' | 'genuine' | 'mutated' | 'forged' | 'garbage';

/** A generated `Authorization` value and where it came from. */
export interface GeneratedCredential {
	kind: CredentialKind;
	header: string | undefined;
}

/** A generated request against an endpoint of the contract. */
export interface GeneratedRequest {
	method: string;
	path: string;
	headers: Record<string, string>;
	body: string | Uint8Array<ArrayBuffer> | undefined;
	credential: GeneratedCredential;
}

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const PRINTABLE = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i));
const TOKEN_CHARS = [..."!#$%&'*+-.^_`|~", ...B64URL.slice(0, 62)];

/** Printable ASCII: what every client library lets through in a header value. */
export const printable = (maxLength = 64) =>
	fc.string({ unit: fc.constantFrom(...PRINTABLE), maxLength }).map((text) => text.trim());

const b64char = fc.constantFrom(...B64URL);

/**
 * Mutations of a genuine token: each yields a string that differs from it (or, rarely, equals
 * another genuine token, which the oracle recognises).
 */
export function mutatedToken(pool: GenuinePool): fc.Arbitrary<string> {
	const genuine = fc.constantFrom(...pool.tokens);
	const at = (token: string) => fc.nat({ max: Math.max(0, token.length - 1) });
	const edit = (token: string) =>
		at(token).chain((i) =>
			fc.oneof(
				// Replace one character.
				b64char.map((c) => `${token.slice(0, i)}${c}${token.slice(i + 1)}`),
				// Delete one.
				fc.constant(`${token.slice(0, i)}${token.slice(i + 1)}`),
				// Insert one.
				b64char.map((c) => `${token.slice(0, i)}${c}${token.slice(i)}`),
				// Truncate.
				fc.constant(token.slice(0, i)),
				// Append.
				fc.string({ unit: b64char, minLength: 1, maxLength: 40 }).map((tail) => `${token}${tail}`),
				// Swap case of a run.
				fc.constant(`${token.slice(0, i)}${swapCase(token.slice(i, i + 8))}${token.slice(i + 8)}`),
				// A dot moved or doubled.
				fc.constant(token.replace('.', '..')),
				// The last character re-encoded: same bytes, different string.
				fc.constant(reencodeLast(token))
			)
		);
	const splice = fc.tuple(genuine, genuine, fc.nat({ max: 2 })).map(([a, b, part]) => {
		const left = a.split('.');
		left[part] = b.split('.')[part] ?? '';
		return left.join('.');
	});
	const claimEdit = fc
		.tuple(
			genuine,
			fc.constantFrom('scopes', 'exp', 'type', 'sub', 'iss', 'jti', 'iat'),
			fc.jsonValue({ maxDepth: 1 })
		)
		.map(([token, claim, value]) => {
			const [header = '', payload = '', signature = ''] = token.split('.');
			const claims = decodeJson(payload);
			claims[claim] = value;
			return `${header}.${base64url.encode(JSON.stringify(claims))}.${signature}`;
		});
	const algEdit = fc
		.tuple(
			genuine,
			fc.constantFrom('none', 'None', 'HS256', 'ES384', 'RS256', 'EdDSA', ''),
			fc.boolean()
		)
		.map(([token, alg, keepSignature]) => {
			const [header = '', payload = '', signature = ''] = token.split('.');
			const edited = { ...decodeJson(header), alg };
			return `${base64url.encode(JSON.stringify(edited))}.${payload}.${keepSignature ? signature : ''}`;
		});
	return fc.oneof(
		{ arbitrary: genuine.chain(edit), weight: 6 },
		{ arbitrary: splice, weight: 1 },
		{ arbitrary: claimEdit, weight: 2 },
		{ arbitrary: algEdit, weight: 1 }
	);
}

/** JWT-shaped strings made from scratch: random headers, payloads and signatures. */
export const forgedToken: fc.Arbitrary<string> = fc
	.tuple(
		fc.record({
			alg: fc.constantFrom('ES256', 'none', 'HS256', 'RS256', 'ES512', 'EdDSA'),
			typ: fc.constantFrom('JWT', 'at+jwt', 'none'),
			kid: fc.option(printable(20), { nil: undefined }),
		}),
		fc.dictionary(
			fc.constantFrom('sub', 'iss', 'exp', 'iat', 'jti', 'type', 'scopes', 'nbf'),
			fc.jsonValue({ maxDepth: 2 })
		),
		fc.string({ unit: b64char, maxLength: 90 })
	)
	.map(
		([header, payload, signature]) =>
			`${base64url.encode(JSON.stringify(header))}.${base64url.encode(JSON.stringify(payload))}.${signature}`
	);

/** Any `Authorization` value: none, genuine, mutated, forged, or garbage. */
export function credential(pool: GenuinePool): fc.Arbitrary<GeneratedCredential> {
	const bearer =
		(kind: CredentialKind) =>
		(token: string): GeneratedCredential => ({
			kind: pool.tokens.includes(token) ? 'genuine' : kind,
			header: `Bearer ${token}`,
		});
	return fc.oneof(
		{ arbitrary: fc.constant<GeneratedCredential>({ kind: 'none', header: undefined }), weight: 1 },
		{
			arbitrary: fc
				.constantFrom(...pool.basics)
				.map((header): GeneratedCredential => ({ kind: 'genuine', header })),
			weight: 2,
		},
		{ arbitrary: fc.constantFrom(...pool.tokens).map(bearer('genuine')), weight: 3 },
		{ arbitrary: mutatedToken(pool).map(bearer('mutated')), weight: 5 },
		{ arbitrary: forgedToken.map(bearer('forged')), weight: 2 },
		{
			arbitrary: fc
				.tuple(printable(20), printable(20))
				.map(([user, password]): GeneratedCredential => ({
					kind: 'garbage',
					header: `Basic ${btoa(`${user}:${password}`)}`,
				})),
			weight: 1,
		},
		{
			arbitrary: printable(120).map((header): GeneratedCredential => ({ kind: 'garbage', header })),
			weight: 1,
		}
	);
}

/** Valid example bodies per request schema: mutated, they reach deep into validation. */
const EXAMPLES = new Map<z.ZodType, readonly Record<string, unknown>[]>([
	[
		IssueTokenRequest,
		[{ scopes: ['messages:send'] }, { scopes: ['messages:read', 'tokens:manage'], ttl: 60 }],
	],
	[SendMessageRequest, [{ phoneNumbers: ['+15555550100'], textMessage: { text: 'hi' } }]],
	[
		CreateServiceTokenRequest,
		[
			{ name: 'fuzz', scopes: ['messages:send'] },
			{ name: 'fuzz', scopes: ['settings:write'], ttl: 3600 },
		],
	],
	[RenewServiceTokenRequest, [{}, { ttl: 60 }]],
	[
		LoginRequest,
		[
			{ username: 'demo', password: 'demo-password' },
			{ username: 'demo', password: 'nope' },
		],
	],
]);

/** A body for an endpoint: a valid example, one mutated, arbitrary JSON, text, bytes, or nothing. */
export function body(
	endpoint: Endpoint
): fc.Arbitrary<string | Uint8Array<ArrayBuffer> | undefined> {
	const examples = endpoint.request ? (EXAMPLES.get(endpoint.request) ?? []) : [];
	const options: fc.WeightedArbitrary<string | Uint8Array<ArrayBuffer> | undefined>[] = [
		{ arbitrary: fc.constant(undefined), weight: 2 },
		{ arbitrary: fc.json({ maxDepth: 3 }), weight: 2 },
		{ arbitrary: printable(80), weight: 1 },
		{
			arbitrary: fc.uint8Array({ maxLength: 64 }).map((bytes) => new Uint8Array(bytes)),
			weight: 1,
		},
	];
	if (examples.length > 0) {
		const example = fc.constantFrom(...examples);
		const mutated = fc
			.tuple(example, fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }), fc.boolean())
			.map(([base, key, value, replace]) => {
				const keys = Object.keys(base);
				const target = replace && keys.length > 0 ? keys[key.length % keys.length]! : key;
				return JSON.stringify({ ...base, [target]: value });
			});
		options.push({ arbitrary: example.map((value) => JSON.stringify(value)), weight: 3 });
		options.push({ arbitrary: mutated, weight: 4 });
	}
	if (endpoint.errors.includes('payloadTooLarge')) {
		options.push({ arbitrary: fc.constant(`{"pad":"${'x'.repeat(MAX_BODY_BYTES)}"}`), weight: 1 });
	}
	return fc.oneof(...options);
}

/** Extra request headers: ones the API reads, with hostile values, and random ones. */
export function extraHeaders(pool: GenuinePool): fc.Arbitrary<Record<string, string>> {
	const name = fc
		.string({ unit: fc.constantFrom(...TOKEN_CHARS), minLength: 1, maxLength: 20 })
		.filter((header) => !FORBIDDEN_HEADERS.has(header.toLowerCase()));
	const cookie = fc.oneof(
		fc.constant(`refresh_token=${pool.cookie}`),
		mutatedToken({ ...pool, tokens: [pool.cookie] }).map((value) => `refresh_token=${value}`),
		printable(60)
	);
	return fc
		.record(
			{
				'Content-Type': fc.constantFrom(
					'application/json',
					'text/plain',
					'application/json; charset=latin1',
					''
				),
				'X-CSRF': fc.constantFrom('1', '0', 'true', ''),
				Cookie: cookie,
				random: fc.dictionary(name, printable(200), { maxKeys: 4 }),
			},
			{ requiredKeys: [] }
		)
		.map(({ random, ...known }) => {
			const headers: Record<string, string> = { ...(random ?? {}) };
			for (const [key, value] of Object.entries(known))
				if (value !== undefined) headers[key] = value;
			return headers;
		});
}

/** Headers the client stack owns (a request cannot set them) or that change the transport's mode. */
const FORBIDDEN_HEADERS = new Set([
	'host',
	'connection',
	'content-length',
	'transfer-encoding',
	'keep-alive',
	'upgrade',
	'expect',
	'te',
	'trailer',
	'authorization',
	'access-control-request-method',
	'cookie',
	'x-csrf',
	'content-type',
]);

/** A path parameter: an id that exists, or anything. */
export function pathParam(pool: GenuinePool): fc.Arbitrary<string> {
	return fc.oneof(
		fc.constantFrom(...pool.ids),
		printable(30),
		fc.string({ unit: b64char, minLength: 21, maxLength: 21 })
	);
}

/** A request to one of the contract's endpoints (sometimes with the wrong method). */
export function request(pool: GenuinePool): fc.Arbitrary<GeneratedRequest> {
	return fc.constantFrom(...(ENDPOINTS as readonly Endpoint[])).chain((endpoint) =>
		fc.record({
			method: fc.oneof(
				{ arbitrary: fc.constant(endpoint.method), weight: 8 },
				{ arbitrary: fc.constantFrom('GET', 'POST', 'DELETE', 'PUT', 'PATCH'), weight: 1 }
			),
			path: fc.array(pathParam(pool), { minLength: 2, maxLength: 2 }).map(([a = '', b = '']) => {
				let n = 0;
				return endpoint.path.replace(/:\w+/g, () => encodeURIComponent(n++ === 0 ? a : b));
			}),
			headers: extraHeaders(pool),
			body: body(endpoint),
			credential: credential(pool),
		})
	);
}

function swapCase(text: string): string {
	return [...text].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('');
}

/** The token with its last character changed to one that decodes to the same bytes. */
export function reencodeLast(token: string): string {
	const last = B64URL.indexOf(token.at(-1) ?? 'A');
	return last === -1 ? token : `${token.slice(0, -1)}${B64URL[last ^ 1]}`;
}

function decodeJson(segment: string): Record<string, unknown> {
	try {
		const value: unknown = JSON.parse(new TextDecoder().decode(base64url.decode(segment)));
		return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
	} catch {
		return {};
	}
}
