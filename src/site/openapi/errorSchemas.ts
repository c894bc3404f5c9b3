/**
 * The error answers of the OpenAPI document: one component schema per error id, with its `error`
 * and `code` as constants and its `data` typed (not an open map), so a generated client can
 * narrow on `error` and read `data.max_ttl` as a number. Examples are the exact bodies the mock
 * sends, with the same parameters the Troubleshooting page lists.
 */
import { ENDPOINTS, FALLBACK_ERRORS, TRANSPORT_ERRORS } from '../../mock/contract/endpoints.ts';
import { API_ERRORS, type ApiErrorId, errorBody } from '../../mock/contract/errors.ts';
import { statusText } from '../http/statusText.ts';
import { templateWithPlaceholders } from '../../mock/contract/messageTemplate.ts';
import { messageParams } from '../reference/errorMessages.ts';
import { SITE_URL } from '../siteUrl.ts';
import type { Json } from './openApiDocument.ts';

/** `scopeRequired` → `ScopeRequiredError`: the error's name in `components.schemas`. */
export function errorSchemaName(id: ApiErrorId): string {
	return `${id.charAt(0).toUpperCase()}${id.slice(1)}Error`;
}

/** Parameters that differ from every real value, to tell a fixed `data` value from a filled one. */
const PROBE = { field: '\u0000field', scope: '\u0000scope', scopes: ['\u0000scopes'], max_ttl: -1 };

/** The JSON Schema of one `data` value, read off the value the catalogue builds. */
function valueSchema(key: string, value: unknown, probed: unknown): Json {
	if (typeof value === 'number') return { type: 'integer', description: DATA_NOTES[key] ?? key };
	if (Array.isArray(value)) {
		return {
			type: 'array',
			items: /scope/.test(key)
				? { $ref: '#/components/schemas/RequestableScope' }
				: { type: 'string' },
			description: DATA_NOTES[key] ?? key,
		};
	}
	// A value the parameters do not change is a constant of the error (`"field": "scopes"`).
	const fixed = JSON.stringify(value) === JSON.stringify(probed);
	return fixed
		? { type: 'string', const: value, description: DATA_NOTES[key] ?? key }
		: { type: 'string', description: DATA_NOTES[key] ?? key };
}

const DATA_NOTES: Record<string, string> = {
	field: 'The request field at fault.',
	max_ttl: 'The longest `ttl` the requested scopes allow, in seconds.',
	missing_scopes: 'The scopes the caller no longer holds.',
	header: 'The request header that was missing.',
};

/** The component schema of error `id`. */
export function errorSchema(id: ApiErrorId): Json {
	const definition = API_ERRORS[id];
	const [params = {}] = messageParams(id);
	const data = errorBody(id, params).data;
	const probedData = errorBody(id, PROBE).data ?? {};
	const properties: Json = {
		error: { type: 'string', const: definition.error, description: 'The stable error id.' },
		message: {
			type: 'string',
			description: `For people; may be reworded. Here: \`${templateWithPlaceholders(definition.message)}\`.`,
			...(/\{/.test(definition.message) ? {} : { const: definition.message }),
		},
		code: { type: 'integer', const: definition.status, description: 'The HTTP status.' },
	};
	const required = ['error', 'message', 'code'];
	if (data) {
		properties['data'] = {
			type: 'object',
			description: 'Machine-readable details.',
			properties: Object.fromEntries(
				Object.entries(data).map(([key, value]) => [
					key,
					valueSchema(key, value, (probedData as Json)[key]),
				])
			),
			required: Object.keys(data),
			additionalProperties: false,
		};
		required.push('data');
	}
	return {
		type: 'object',
		description: `${statusText(definition.status)}: \`${definition.error}\`. See ${troubleshootingUrl(definition.error)}.`,
		// Every error is an ErrorResponse; this one narrows its id, status and data.
		allOf: [{ $ref: '#/components/schemas/ErrorResponse' }],
		properties,
		required,
		additionalProperties: false,
	};
}

/** The error's entry on the Troubleshooting page: causes and fix. */
const troubleshootingUrl = (error: string) => `${SITE_URL}/reference/troubleshooting/#${error}`;

/**
 * Errors any operation can answer before its handler runs: the router's (a URL over the limit,
 * another method on the path, an empty path segment), the body limit's, and the HTTP server's
 * (an unparsable request, a timeout, an `Expect` it cannot meet, headers over the limit).
 */
export function routerErrors(hasPathParameters: boolean): ApiErrorId[] {
	return [
		...FALLBACK_ERRORS.filter((id) => id !== 'routeNotFound' || hasPathParameters),
		'payloadTooLarge',
		...TRANSPORT_ERRORS,
	];
}

/** The error schemas of every error some operation answers, for `components.schemas`. */
export function errorSchemas(): Json {
	const ids = new Set<ApiErrorId>([
		...ENDPOINTS.flatMap((endpoint) => endpoint.errors),
		...routerErrors(true),
	]);
	return Object.fromEntries(
		(Object.keys(API_ERRORS) as ApiErrorId[])
			.filter((id) => ids.has(id))
			.map((id) => [errorSchemaName(id), errorSchema(id)])
	);
}

/** The body of an error answer that may be any of `ids` (one status): `oneOf`, told by `error`. */
export function errorContent(ids: readonly ApiErrorId[]): Json {
	const refs = ids.map((id) => `#/components/schemas/${errorSchemaName(id)}`);
	const schema: Json =
		refs.length === 1
			? { $ref: refs[0] }
			: {
					oneOf: refs.map(($ref) => ({ $ref })),
					discriminator: {
						propertyName: 'error',
						mapping: Object.fromEntries(
							ids.map((id, index) => [API_ERRORS[id].error, refs[index]])
						),
					},
				};
	return {
		'application/json': {
			schema,
			examples: Object.fromEntries(
				ids.map((id) => {
					const [params = {}] = messageParams(id);
					const body = errorBody(id, params);
					return [API_ERRORS[id].error, { summary: body.message, value: body }];
				})
			),
		},
	};
}
