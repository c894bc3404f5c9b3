/**
 * The OpenAPI 3.1 document of the Token Pair API, built from the contract data the mock runs on
 * (endpoints, zod schemas, the error catalogue, scopes, lifetimes, the session cookie). The site
 * serves it at `/openapi.json`; `npm test` validates it and every exchange the tests make with the
 * mock against it, so the document, the mock and the reference cannot disagree.
 */
import { z } from 'zod';
import { DEFAULT_ACCOUNTS } from '../../mock/auth/Account.ts';
import { ABUSE_LIMITS, CSRF_HEADER, REFRESH_COOKIE } from '../../mock/contract/http.ts';
import { ENDPOINTS, FALLBACK_ERRORS, type Endpoint } from '../../mock/contract/endpoints.ts';
import { API_ERRORS, type ApiErrorId } from '../../mock/contract/errors.ts';
import { LIFETIMES, SERVICE_TOKEN_CAPS } from '../../mock/contract/lifetimes.ts';
import { placeholders, type Placeholder } from '../../mock/contract/placeholders.ts';
import * as schemas from '../../mock/contract/schemas.ts';
import { REFRESH_SCOPE, REQUESTABLE_SCOPES, WILDCARD_SCOPE } from '../../mock/contract/scopes.ts';
import { challengeOf } from '../../mock/http/challenge.ts';
import { API_ORIGIN } from '../apiOrigin.ts';
import { statusText } from '../http/statusText.ts';
import { describeAuth } from '../reference/describeAuth.ts';
import { REPOSITORY } from '../repository.ts';
import type { SampleFile } from '../samples/resolveSample.ts';
import { SITE_URL } from '../siteUrl.ts';
import { errorContent, errorSchemas, routerErrors } from './errorSchemas.ts';
import { PATH_SOURCES, REQUEST_EXAMPLES } from './requestExamples.ts';

/** A JSON object of the document. */
export type Json = { [key: string]: unknown };

/** `/3rdparty/v1/service-tokens/:id/renew` → `/3rdparty/v1/service-tokens/{id}/renew`. */
export function openApiPath(path: string): string {
	return path.replace(/:(\w+)/g, '{$1}');
}

/** The names of a path's parameters, in order. */
export function pathParameters(path: string): string[] {
	return [...path.matchAll(/:(\w+)/g)].map((match) => match[1] ?? '');
}

/** The name a contract schema has in `components.schemas`, found by identity. */
export function schemaName(schema: z.ZodType): string {
	const found = Object.entries(schemas).find(([, candidate]) => candidate === schema);
	if (!found) throw new Error('a contract schema is not exported from schemas.ts');
	return found[0];
}

const PARAMETER_NOTES: Record<string, string> = {
	jti: 'The `id` of a token pair (its access token’s `jti`) or of a service token.',
	id: 'The `id` the create or send call answered with.',
};

/** A `Set-Cookie` value the refresh cookie may have, as a pattern. */
export function setCookiePattern(kind: 'set' | 'clear'): string {
	const attributes = Object.values(REFRESH_COOKIE.attributes)
		.map((attribute) => `; ${attribute}`)
		.join('');
	const value = kind === 'set' ? '[^;\\s]+' : '';
	const maxAge = kind === 'set' ? '\\d+' : '0';
	return `^${REFRESH_COOKIE.name}=${value}${attributes}; Max-Age=${maxAge}$`;
}

const DATE_HEADER = {
	description: 'The server’s clock (RFC 9110 IMF-fixdate). Time refreshes from it, not from yours.',
	required: true,
	schema: { type: 'string', examples: ['Sat, 14 Mar 2026 01:45:00 GMT'] },
};

function constHeader(value: string, description: string): Json {
	return { description, required: true, schema: { type: 'string', const: value } };
}

/** A `Set-Cookie` value as the mock sends it, for the header's example. */
function cookieExample(kind: 'set' | 'clear'): string {
	const attributes = Object.values(REFRESH_COOKIE.attributes).join('; ');
	return kind === 'set'
		? `${REFRESH_COOKIE.name}=${EXAMPLE_VALUES['<REFRESH_TOKEN>']}; ${attributes}; Max-Age=${LIFETIMES.refreshToken}`
		: `${REFRESH_COOKIE.name}=; ${attributes}; Max-Age=0`;
}

function cookieHeader(kind: 'set' | 'clear'): Json {
	const attributes = Object.values(REFRESH_COOKIE.attributes).join('; ');
	return {
		description:
			kind === 'set'
				? `The rotated \`${REFRESH_COOKIE.name}\` cookie: \`${REFRESH_COOKIE.name}=<REFRESH_TOKEN>; ${attributes}; Max-Age=<seconds>\`. \`Max-Age\` is the seconds the refresh token has left (at most ${LIFETIMES.refreshToken}).`
				: `Clears the \`${REFRESH_COOKIE.name}\` cookie: \`${REFRESH_COOKIE.name}=; ${attributes}; Max-Age=0\`.`,
		required: true,
		schema: { type: 'string', pattern: setCookiePattern(kind), examples: [cookieExample(kind)] },
	};
}

const HEADER_NOTES: Record<string, string> = {
	'Cache-Control': 'Caching rule of this response.',
	Pragma: 'For HTTP/1.0 caches.',
};

/** The errors an endpoint answers, grouped by status. */
function errorsByStatus(ids: readonly ApiErrorId[]): Map<number, ApiErrorId[]> {
	const byStatus = new Map<number, ApiErrorId[]>();
	for (const id of ids) {
		const { status } = API_ERRORS[id];
		byStatus.set(status, [...(byStatus.get(status) ?? []), id]);
	}
	return new Map([...byStatus].sort(([a], [b]) => a - b));
}

function errorResponse(endpoint: Endpoint | undefined, status: number, ids: ApiErrorId[]): Json {
	const headers: Json = {
		'Cache-Control': constHeader('no-store', 'Errors are never cached.'),
		Date: DATE_HEADER,
	};
	if (status === 401) {
		const challenge = endpoint && challengeOf(endpoint);
		if (challenge) {
			headers[challenge.name] = constHeader(
				challenge.value,
				challenge.value.startsWith('Basic')
					? 'RFC 7617: this endpoint takes Basic credentials only (UTF-8). It never says which check failed.'
					: 'RFC 6750 §3: the scheme to authenticate with. It never says which check failed.'
			);
		}
		if (endpoint?.auth.schemes.includes('refresh-cookie'))
			headers['Set-Cookie'] = cookieHeader('clear');
	}
	if (status === 405) {
		headers['Allow'] = {
			description: 'The methods the path has, comma-separated.',
			required: true,
			schema: { type: 'string', examples: ['POST'] },
		};
	}
	return {
		description: `${statusText(status)}: ${ids.map((id) => `\`${API_ERRORS[id].error}\``).join(', ')}.`,
		headers,
		content: errorContent(ids),
	};
}

function security(endpoint: Endpoint): Json[] {
	const { schemes, scope } = endpoint.auth;
	return schemes.flatMap((scheme): Json[] => {
		switch (scheme) {
			case 'basic':
				return [{ basicAuth: [] }];
			case 'bearer':
				return [{ bearerAuth: scope ? [scope] : [] }];
			case 'refresh-token':
				return [{ refreshToken: [REFRESH_SCOPE] }];
			case 'refresh-cookie':
				// Logging out without a session still succeeds: there is nothing left to end.
				return endpoint.success.cookie === 'clear'
					? [{ refreshCookie: [] }, {}]
					: [{ refreshCookie: [] }];
			case 'password':
			case 'none':
				return [{}];
		}
	});
}

function parameters(endpoint: Endpoint, examples: Examples): Json[] {
	const inPath = pathParameters(endpoint.path).map((name) => {
		const example = examples.parameter(endpoint, name);
		return {
			name,
			in: 'path',
			required: true,
			description: PARAMETER_NOTES[name] ?? `The \`${name}\` of the resource.`,
			schema: { type: 'string', minLength: 1 },
			...(example === undefined ? {} : { example }),
		};
	});
	const csrf = endpoint.errors.includes('csrfHeaderRequired')
		? [
				{
					name: 'X-CSRF',
					in: 'header',
					required: true,
					description:
						'Must be `1`. A cross-site form cannot send a custom header, so it proves the request came from the page’s own script.',
					schema: { type: 'string', const: CSRF_HEADER.value },
					example: CSRF_HEADER.value,
				},
			]
		: [];
	return [...inPath, ...csrf];
}

function successResponse(endpoint: Endpoint, examples: Examples): Json {
	const { success } = endpoint;
	const headers: Json = { Date: DATE_HEADER };
	for (const [name, value] of Object.entries(success.headers ?? {})) {
		headers[name] = constHeader(value, HEADER_NOTES[name] ?? '');
	}
	if (success.cookie) headers['Set-Cookie'] = cookieHeader(success.cookie);
	const response: Json = { description: statusText(success.status), headers };
	if (success.body) {
		const recorded = examples.success(endpoint);
		response['content'] = {
			'application/json': {
				schema: { $ref: `#/components/schemas/${schemaName(success.body)}` },
				...(recorded ? { examples: recorded } : {}),
			},
		};
	}
	return response;
}

/** What an operation's description says besides its summary, where there is more to say. */
const BEHAVIOUR: Partial<Record<string, string>> = {
	issueTokenPair:
		'A `ttl` over the access lifetime is quietly reduced to it. The pair’s refresh token starts a login whose rotated tokens all end together.',
	refreshTokenPair:
		'The refresh token is spent by the 201: keep the new one. Sending a spent one again is reuse, answered 401.',
	revokeToken: 'Revoking a pair also revokes every pair rotated from it.',
	createServiceToken:
		'The lifetime is capped by the smallest cap among the scopes; the token value is shown only in this answer.',
	renewServiceToken:
		'The original token stays valid until its own expiry; a token cannot renew itself.',
	login: 'The account’s username and password go in the JSON body; no `Authorization` header.',
	refreshSession: 'Needs the CSRF header, which a cross-site form cannot send.',
	logout: 'Succeeds without a session too: there is nothing left to end.',
};

/** A description for every operation: what it does, who may call it, and its particulars. */
function describeOperation(endpoint: Endpoint): string {
	const scope = (endpoint.auth as { scope?: string }).scope;
	return [
		`${endpoint.summary}.`,
		`Authentication: ${describeAuth(endpoint.auth)}.${scope ? ` Required scope: \`${scope}\`${endpoint.auth.schemes.includes('bearer') ? ` (or \`${WILDCARD_SCOPE}\`)` : ''}.` : ''}`,
		BEHAVIOUR[endpoint.id],
	]
		.filter((part) => part !== undefined)
		.join('\n\n');
}

function operation(endpoint: Endpoint, examples: Examples): Json {
	const responses: Json = {
		[String(endpoint.success.status)]: successResponse(endpoint, examples),
	};
	const ids = [
		...endpoint.errors,
		...routerErrors(pathParameters(endpoint.path).length > 0).filter(
			(id) => !endpoint.errors.includes(id)
		),
	];
	for (const [status, byStatus] of errorsByStatus(ids)) {
		responses[String(status)] = errorResponse(endpoint, status, byStatus);
	}
	const op: Json = {
		operationId: endpoint.id,
		summary: endpoint.summary,
		description: describeOperation(endpoint),
		tags: [tagOf(endpoint)],
		security: security(endpoint),
		parameters: parameters(endpoint, examples),
		responses,
	};
	if (endpoint.request) {
		const example = examples.request(endpoint);
		op['requestBody'] = {
			description: `The request, as JSON (\`${schemaName(endpoint.request)}\`).`,
			// Renewal takes an empty body as `{}`.
			required: endpoint.id !== 'renewServiceToken',
			content: {
				'application/json': {
					schema: { $ref: `#/components/schemas/${schemaName(endpoint.request)}` },
					...(example === undefined ? {} : { examples: { example: { value: example } } }),
				},
			},
		};
	}
	return op;
}

/**
 * `HEAD` wherever `GET` works (RFC 9110 §9.3.2): the `GET`'s answers, headers only. Its own
 * `operationId`, and no `content`, so a validator refuses a body.
 */
function headOperation(endpoint: Endpoint, examples: Examples): Json {
	const get = operation(endpoint, examples);
	const responses = Object.fromEntries(
		Object.entries(get['responses'] as Record<string, Json>).map(([status, response]) => {
			const { content: _content, ...headersOnly } = response;
			return [status, headersOnly];
		})
	);
	return {
		...get,
		operationId: `${endpoint.id}Head`,
		summary: `${endpoint.summary} (headers only)`,
		responses,
	};
}

function tagOf(endpoint: Endpoint): string {
	if (endpoint.path.startsWith('/auth/')) return 'Browser sessions';
	if (endpoint.path.includes('/service-tokens')) return 'Service tokens';
	if (endpoint.path.includes('/messages')) return 'Messages';
	return 'Token pairs';
}

function componentSchemas(): Json {
	const registry = z.registry<{ id: string }>();
	for (const [name, schema] of Object.entries(schemas)) {
		if (schema instanceof z.ZodType) registry.add(schema, { id: name });
	}
	const { schemas: exported } = z.toJSONSchema(registry, {
		target: 'draft-2020-12',
		io: 'output',
		uri: (id) => `#/components/schemas/${id}`,
	});
	// Each schema lives inside the document, so it needs neither its own dialect nor its own id.
	return Object.fromEntries(
		Object.entries(exported).map(([name, schema]) => {
			const { $schema: _dialect, $id: _id, ...rest } = schema as Json;
			return [name, rest];
		})
	);
}

const SCOPE_LIST = REQUESTABLE_SCOPES.map((scope) => `\`${scope}\``).join(', ');

/** The tags, what each covers, and the page of the site about it. */
const TAGS = [
	{
		name: 'Token pairs',
		description: 'Issue, rotate and revoke access and refresh tokens; the public signing keys.',
		page: '/concepts/token-pairs/',
	},
	{
		name: 'Service tokens',
		description: 'Named, long-lived tokens for machines, renewed before they expire.',
		page: '/guides/service-tokens/',
	},
	{
		name: 'Browser sessions',
		description: 'Log in from a page: the refresh token lives in an `HttpOnly` cookie.',
		page: '/guides/browser-apps/',
	},
	{
		name: 'Messages',
		description: 'The resource the tokens are for: send a message and read its state.',
		page: '/reference/api/#messages',
	},
] as const;

/**
 * Stand-ins for the placeholders of recorded samples (a token is a placeholder in a sample, never
 * a live one); shaped to fit the schemas, as the sample tests check them.
 */
const EXAMPLE_VALUES: Readonly<Record<Placeholder, string>> = {
	'<ACCESS_TOKEN>': 'header.access-payload.signature',
	'<REFRESH_TOKEN>': 'header.refresh-payload.signature',
	'<SERVICE_TOKEN>': 'header.service-payload.signature',
	'<TOKEN_ID>': 'V1StGXR8_Z5jdHi6B-myT',
	'<USERNAME>': DEFAULT_ACCOUNTS[0]?.username ?? 'demo',
	'<PASSWORD>': DEFAULT_ACCOUNTS[0]?.password ?? 'demo-password',
	'<NEW_PASSWORD>': `${DEFAULT_ACCOUNTS[0]?.password ?? 'demo-password'}-2`,
	'<BASIC_CREDENTIALS>': btoa(`${DEFAULT_ACCOUNTS[0]?.username}:${DEFAULT_ACCOUNTS[0]?.password}`),
	'<API_BASE_URL>': API_ORIGIN.example,
};

/** A value with the placeholders of a sample replaced by their stand-ins. */
function withStandIns(value: unknown): unknown {
	if (value === undefined) return undefined;
	let text = JSON.stringify(value);
	for (const placeholder of Object.keys(placeholders) as Placeholder[]) {
		text = text.split(placeholder).join(EXAMPLE_VALUES[placeholder]);
	}
	return JSON.parse(text) as unknown;
}

/** Where the document's examples come from: the recorded samples and the request examples. */
interface Examples {
	success(endpoint: Endpoint): Json | undefined;
	request(endpoint: Endpoint): unknown;
	parameter(endpoint: Endpoint, name: string): string | undefined;
}

function examplesFrom(samples: Readonly<Record<string, SampleFile>>): Examples {
	const entries = Object.entries(samples);
	const recorded = (endpoint: string, status: number) =>
		entries.filter(([, sample]) => sample.endpoint === endpoint && sample.status === status);
	return {
		success(endpoint) {
			const body = endpoint.success.body;
			let found = recorded(endpoint.id, endpoint.success.status);
			// A session refresh answers what a login does: one of that body's samples stands in.
			if (found.length === 0 && body) {
				const name = schemaName(body);
				found = entries.filter(([, sample]) => sample.status < 300 && sample.schema === name);
			}
			if (found.length === 0) return undefined;
			return Object.fromEntries(
				found.map(([name, sample]) => [
					name,
					{ summary: `Recorded from the mock (${name})`, value: withStandIns(sample.body) },
				])
			);
		},
		request: (endpoint) => {
			const example = REQUEST_EXAMPLES[endpoint.id as keyof typeof REQUEST_EXAMPLES];
			return example === undefined ? undefined : withStandIns(example);
		},
		parameter(endpoint, name) {
			const source = PATH_SOURCES[endpoint.id as keyof typeof PATH_SOURCES]?.[name];
			const sourceEndpoint = ENDPOINTS.find((candidate) => candidate.id === source?.endpoint);
			if (!sourceEndpoint) return undefined;
			const [first] = recorded(sourceEndpoint.id, sourceEndpoint.success.status);
			const value = (withStandIns(first?.[1].body) as Json | undefined)?.[source?.field ?? ''];
			return typeof value === 'string' ? value : undefined;
		},
	};
}

/**
 * Builds the document. `samples` (the recorded samples, `bundledSamples` where Vite bundles them)
 * supply the success and parameter examples; without them the document has request examples only.
 */
export function openApiDocument(
	options: { samples?: Readonly<Record<string, SampleFile>> } = {}
): Json {
	const examples = examplesFrom(options.samples ?? {});
	const paths: Record<string, Json> = {};
	for (const endpoint of ENDPOINTS as readonly Endpoint[]) {
		const path = openApiPath(endpoint.path);
		paths[path] = {
			...paths[path],
			[endpoint.method.toLowerCase()]: operation(endpoint, examples),
		};
		if (endpoint.method === 'GET') {
			paths[path] = { ...paths[path], head: headOperation(endpoint, examples) };
		}
	}
	return {
		openapi: '3.1.1',
		info: {
			title: 'Token Pair API',
			version: '1',
			contact: { name: 'Token Pair API docs', url: `${REPOSITORY.url}/issues` },
			// The API's terms are its operator's, who gives you your account with them.
			license: {
				name: 'The terms of your API operator',
				url: `${SITE_URL}/start/quick-start/#before-you-start`,
			},
			description: [
				'Short-lived access tokens with single-use refresh tokens, long-lived service tokens, and browser sessions with an `HttpOnly` refresh cookie.',
				`Access tokens live ${LIFETIMES.accessToken} s, refresh tokens ${LIFETIMES.refreshToken} s from their issue, and a login’s rotated tokens end ${LIFETIMES.family} s after the first login.`,
				'Every non-2xx has the body `ErrorResponse`: branch on its stable `error` id, never on `message`. Every 401 is `unauthorized` and says no more.',
				'Every response carries a `Date` header from the server’s clock.',
				`No account is ever locked after failed logins, and no request is refused for its rate (${JSON.stringify(ABUSE_LIMITS)}): put rate limiting in front of the API if you need it.`,
				'Revoking an unknown token id, or another account’s, answers 204 and changes nothing: the answer never says which ids exist.',
			].join('\n\n'),
		},
		servers: [
			{
				url: '{origin}',
				description: 'Your Token Pair API: its operator gives you the origin with your account.',
				variables: {
					origin: { default: API_ORIGIN.example, description: 'The API’s origin, without a path.' },
				},
			},
			{ url: API_ORIGIN.local, description: 'The local mock: `npm run mock-api`.' },
		],
		externalDocs: { description: 'Guides, examples and troubleshooting', url: `${SITE_URL}/` },
		tags: TAGS.map(({ name, description, page }) => ({
			name,
			description,
			externalDocs: { url: `${SITE_URL}${page}` },
		})),
		paths,
		components: {
			// By name: a module namespace's key order differs between Node and Vite, and generated
			// clients must not change with the tool that built the document.
			schemas: Object.fromEntries(
				Object.entries({ ...componentSchemas(), ...errorSchemas() }).sort(([a], [b]) =>
					a < b ? -1 : a > b ? 1 : 0
				)
			),
			securitySchemes: {
				basicAuth: {
					type: 'http',
					scheme: 'basic',
					description: `The account’s username and password; grants \`${WILDCARD_SCOPE}\` (every scope the account holds).`,
				},
				bearerAuth: {
					type: 'http',
					scheme: 'bearer',
					bearerFormat: 'JWT',
					description: `An access token or service token; the operation needs the scope listed (or \`${WILDCARD_SCOPE}\`). Scopes: ${SCOPE_LIST}.`,
				},
				refreshToken: {
					type: 'http',
					scheme: 'bearer',
					bearerFormat: 'JWT',
					description: `A refresh token, which alone carries \`${REFRESH_SCOPE}\` (\`${WILDCARD_SCOPE}\` does not count). Single use: it is spent by the 201 it gets.`,
				},
				refreshCookie: {
					type: 'apiKey',
					in: 'cookie',
					name: REFRESH_COOKIE.name,
					description: `The browser session’s refresh token, set by \`POST /auth/login\` as \`${Object.values(REFRESH_COOKIE.attributes).join('; ')}\`. Sent by the browser; page scripts cannot read it.`,
				},
			},
		},
		// Every operation declares these too; what a request that matches no operation at all (an
		// unknown path) gets, OpenAPI 3.1 cannot say: this names it, for the exchange check.
		'x-unmatched': Object.fromEntries(
			FALLBACK_ERRORS.map((id) => [
				String(API_ERRORS[id].status),
				errorResponse(undefined, API_ERRORS[id].status, [id]),
			])
		),
		'x-service-token-caps': SERVICE_TOKEN_CAPS,
	};
}
