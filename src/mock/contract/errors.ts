/**
 * Every error the Token Pair API can answer, by stable id.
 *
 * The mock builds its error bodies from this table, the Troubleshooting page renders it, and a
 * test provokes each entry through an example, so the three cannot drift apart.
 */
import { CSRF_HEADER } from './http.ts';

/** The body of every non-2xx response. */
export interface ApiErrorBody {
	message: string;
	/** The HTTP status, repeated so logged bodies stand on their own. */
	code: number;
	data?: Record<string, unknown>;
}

type ParamValue = string | number | readonly string[];

interface ErrorDefinition {
	status: number;
	/** The message, with `{name}` where a parameter goes. */
	message: string;
	/** Extra machine-readable details, built from the same parameters. */
	data?: (params: Record<string, ParamValue>) => Record<string, unknown>;
}

const field = (name: string) => () => ({ field: name });

/** The catalogue, keyed by id. Messages are the API's exact words. */
export const API_ERRORS = {
	invalidBody: {
		status: 400,
		message: 'invalid params: body must be a JSON object',
		data: field('body'),
	},
	unknownField: {
		status: 400,
		message: 'invalid params: unknown field {field}',
		data: (p) => ({ field: p['field'] }),
	},
	scopesRequired: {
		status: 400,
		message: 'invalid params: scopes are required',
		data: field('scopes'),
	},
	unknownScope: {
		status: 400,
		message: 'invalid params: unknown scope {scope}',
		data: field('scopes'),
	},
	systemScopeRequested: {
		status: 400,
		message: 'invalid params: scope tokens:refresh cannot be requested',
		data: field('scopes'),
	},
	invalidTtl: {
		status: 400,
		message: 'invalid params: ttl must be a non-negative integer',
		data: field('ttl'),
	},
	invalidName: {
		status: 400,
		message: 'invalid params: name is required (1 to 128 printable characters)',
		data: field('name'),
	},
	ttlTooLong: {
		status: 400,
		message: 'invalid params: ttl exceeds the maximum of {max_ttl} seconds',
		data: (p) => ({ field: 'ttl', max_ttl: p['max_ttl'] }),
	},
	scopesNotRecorded: {
		status: 400,
		message: 'token has no recorded scopes; mint a new one',
	},
	usernameRequired: {
		status: 400,
		message: 'invalid params: username is required',
		data: field('username'),
	},
	passwordRequired: {
		status: 400,
		message: 'invalid params: password is required',
		data: field('password'),
	},
	phoneNumbersRequired: {
		status: 400,
		message: 'invalid params: phoneNumbers are required',
		data: field('phoneNumbers'),
	},
	textRequired: {
		status: 400,
		message: 'invalid params: textMessage.text is required',
		data: field('textMessage'),
	},
	unauthorized: {
		status: 401,
		message: 'Unauthorized',
	},
	scopeRequired: {
		status: 403,
		message: 'scope required: {scope}',
	},
	missingScopes: {
		status: 403,
		message: 'missing scopes: {scopes}',
		data: (p) => ({ missing_scopes: p['scopes'] }),
	},
	csrfHeaderRequired: {
		status: 403,
		message: `CSRF header required: ${CSRF_HEADER.name}: ${CSRF_HEADER.value}`,
		data: () => ({ header: CSRF_HEADER.name }),
	},
	messageNotFound: {
		status: 404,
		message: 'message not found',
	},
	serviceTokenNotFound: {
		status: 404,
		message: 'service token not found',
	},
	routeNotFound: {
		status: 404,
		message: 'Not Found',
	},
	methodNotAllowed: {
		status: 405,
		message: 'Method Not Allowed',
	},
	payloadTooLarge: {
		status: 413,
		message: 'Payload Too Large',
	},
} as const satisfies Record<string, ErrorDefinition>;

/** The id of an error in {@link API_ERRORS}. */
export type ApiErrorId = keyof typeof API_ERRORS;

/** Builds the body for an error, filling its `{name}` parameters. */
export function errorBody(id: ApiErrorId, params: Record<string, ParamValue> = {}): ApiErrorBody {
	const definition: ErrorDefinition = API_ERRORS[id];
	const message = definition.message.replace(/\{(\w+)\}/g, (_match, name: string) => {
		const value = params[name];
		if (value === undefined) throw new Error(`error ${id} needs parameter "${name}"`);
		return Array.isArray(value) ? value.join(', ') : String(value);
	});
	const body: ApiErrorBody = { message, code: definition.status };
	if (definition.data) body.data = definition.data(params);
	return body;
}

/** The HTTP status of an error. */
export function errorStatus(id: ApiErrorId): number {
	return API_ERRORS[id].status;
}
