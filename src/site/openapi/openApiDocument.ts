/**
 * The OpenAPI 3.1 document of the Token Pair API, built from the contract data the mock runs on
 * (endpoints, zod schemas, the error catalogue, scopes, lifetimes, the session cookie). The site
 * serves it at `/openapi.json`; `npm test` validates it and every exchange the tests make with the
 * mock against it, so the document, the mock and the reference cannot disagree.
 */
import { z } from 'zod';
import { ABUSE_LIMITS, REFRESH_COOKIE } from '../../mock/contract/http.ts';
import { ENDPOINTS, FALLBACK_ERRORS, type Endpoint } from '../../mock/contract/endpoints.ts';
import { API_ERRORS, type ApiErrorId, errorBody } from '../../mock/contract/errors.ts';
import { LIFETIMES, SERVICE_TOKEN_CAPS } from '../../mock/contract/lifetimes.ts';
import * as schemas from '../../mock/contract/schemas.ts';
import { REFRESH_SCOPE, REQUESTABLE_SCOPES, WILDCARD_SCOPE } from '../../mock/contract/scopes.ts';
import { challengeOf } from '../../mock/http/challenge.ts';
import { statusText } from '../http/statusText.ts';

/** A JSON object of the document. */
export type Json = { [key: string]: unknown };

/** The `components.responses` name of each error answered before any operation. */
const FALLBACK_RESPONSES: Record<(typeof FALLBACK_ERRORS)[number], string> = {
	uriTooLong: 'UriTooLong',
	methodNotAllowed: 'MethodNotAllowed',
	routeNotFound: 'NotFound',
};

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
	schema: { type: 'string' },
};

function constHeader(value: string, description: string): Json {
	return { description, required: true, schema: { type: 'string', const: value } };
}

function cookieHeader(kind: 'set' | 'clear'): Json {
	const attributes = Object.values(REFRESH_COOKIE.attributes).join('; ');
	return {
		description:
			kind === 'set'
				? `The rotated \`${REFRESH_COOKIE.name}\` cookie: \`${REFRESH_COOKIE.name}=<REFRESH_TOKEN>; ${attributes}; Max-Age=<seconds>\`. \`Max-Age\` is the seconds the refresh token has left (at most ${LIFETIMES.refreshToken}).`
				: `Clears the \`${REFRESH_COOKIE.name}\` cookie: \`${REFRESH_COOKIE.name}=; ${attributes}; Max-Age=0\`.`,
		required: true,
		schema: { type: 'string', pattern: setCookiePattern(kind) },
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

/** Parameters that let every catalogue message be shown filled in. */
const EXAMPLE_PARAMS = {
	field: 'scope',
	scope: 'messages:send',
	scopes: ['settings:write'],
	max_ttl: SERVICE_TOKEN_CAPS['settings:write'],
};

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
			schema: { type: 'string' },
		};
	}
	return {
		description: `${statusText(status)}: ${ids.map((id) => `\`${API_ERRORS[id].error}\``).join(', ')}.`,
		headers,
		content: {
			'application/json': {
				schema: {
					allOf: [{ $ref: '#/components/schemas/ErrorResponse' }],
					properties: {
						error: { enum: ids.map((id) => API_ERRORS[id].error) },
						code: { const: status },
					},
				},
				examples: Object.fromEntries(
					ids.map((id) => [
						API_ERRORS[id].error,
						{ summary: API_ERRORS[id].message, value: errorBody(id, EXAMPLE_PARAMS) },
					])
				),
			},
		},
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

function parameters(endpoint: Endpoint): Json[] {
	const inPath = pathParameters(endpoint.path).map((name) => ({
		name,
		in: 'path',
		required: true,
		description: PARAMETER_NOTES[name] ?? '',
		schema: { type: 'string', minLength: 1 },
	}));
	const csrf = endpoint.errors.includes('csrfHeaderRequired')
		? [
				{
					name: 'X-CSRF',
					in: 'header',
					required: true,
					description:
						'Must be `1`. A cross-site form cannot send a custom header, so it proves the request came from the page’s own script.',
					schema: { type: 'string', const: '1' },
				},
			]
		: [];
	return [...inPath, ...csrf];
}

function successResponse(endpoint: Endpoint): Json {
	const { success } = endpoint;
	const headers: Json = { Date: DATE_HEADER };
	for (const [name, value] of Object.entries(success.headers ?? {})) {
		headers[name] = constHeader(value, HEADER_NOTES[name] ?? '');
	}
	if (success.cookie) headers['Set-Cookie'] = cookieHeader(success.cookie);
	const response: Json = { description: statusText(success.status), headers };
	if (success.body) {
		response['content'] = {
			'application/json': { schema: { $ref: `#/components/schemas/${schemaName(success.body)}` } },
		};
	}
	return response;
}

function operation(endpoint: Endpoint): Json {
	const responses: Json = { [String(endpoint.success.status)]: successResponse(endpoint) };
	for (const [status, ids] of errorsByStatus(endpoint.errors)) {
		responses[String(status)] = errorResponse(endpoint, status, ids);
	}
	const op: Json = {
		operationId: endpoint.id,
		summary: endpoint.summary,
		tags: [tagOf(endpoint)],
		security: security(endpoint),
		parameters: parameters(endpoint),
		responses,
	};
	if (endpoint.auth.schemes.includes('password')) {
		op['description'] = 'The account’s username and password go in the JSON body; no header.';
	}
	if (endpoint.request) {
		op['requestBody'] = {
			// Renewal takes an empty body as `{}`.
			required: endpoint.id !== 'renewServiceToken',
			content: {
				'application/json': {
					schema: { $ref: `#/components/schemas/${schemaName(endpoint.request)}` },
				},
			},
		};
	}
	return op;
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

/** Builds the document. */
export function openApiDocument(): Json {
	const paths: Record<string, Json> = {};
	for (const endpoint of ENDPOINTS as readonly Endpoint[]) {
		const path = openApiPath(endpoint.path);
		paths[path] = { ...paths[path], [endpoint.method.toLowerCase()]: operation(endpoint) };
	}
	return {
		openapi: '3.1.1',
		info: {
			title: 'Token Pair API',
			version: '1',
			description: [
				'Short-lived access tokens with single-use refresh tokens, long-lived service tokens, and browser sessions with an `HttpOnly` refresh cookie.',
				`Access tokens live ${LIFETIMES.accessToken} s, refresh tokens ${LIFETIMES.refreshToken} s from their issue, and a login’s rotated tokens end ${LIFETIMES.family} s after the first login.`,
				'Every non-2xx has the body `ErrorResponse`: branch on its stable `error` id, never on `message`. Every 401 is `unauthorized` and says no more.',
				'Every response carries a `Date` header from the server’s clock.',
				`No account is ever locked after failed logins, and no request is refused for its rate (${JSON.stringify(ABUSE_LIMITS)}): put rate limiting in front of the API if you need it.`,
				'Revoking an unknown token id, or another account’s, answers 204 and changes nothing: the answer never says which ids exist.',
			].join('\n\n'),
		},
		servers: [{ url: '/', description: 'The API’s origin.' }],
		tags: ['Token pairs', 'Service tokens', 'Browser sessions', 'Messages'].map((name) => ({
			name,
		})),
		paths,
		components: {
			schemas: componentSchemas(),
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
			responses: {
				...Object.fromEntries(
					FALLBACK_ERRORS.map((id) => [
						FALLBACK_RESPONSES[id],
						errorResponse(undefined, API_ERRORS[id].status, [id]),
					])
				),
			},
		},
		// OpenAPI 3.1 cannot say what a path answers to a method it lacks, or what any path answers
		// to a URL over the limit: these name the responses, for tools and the exchange check.
		'x-unmatched': Object.fromEntries(
			FALLBACK_ERRORS.map((id) => [
				String(API_ERRORS[id].status),
				{ $ref: `#/components/responses/${FALLBACK_RESPONSES[id]}` },
			])
		),
		'x-service-token-caps': SERVICE_TOKEN_CAPS,
	};
}
