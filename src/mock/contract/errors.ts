/**
 * Every error the Token Pair API can answer, by stable id.
 *
 * The mock builds its error bodies from this table, the Troubleshooting page renders it, and a
 * test provokes each entry through an example, so the three cannot drift apart.
 */
import { CSRF_HEADER, LOGIN_CONTENT_TYPE } from './http.ts';
import { fillTemplate } from './messageTemplate.ts';
import { REASON_PHRASES } from './reasonPhrases.ts';
import { PASSWORD_LENGTH } from './schemas.ts';

/** The body of every non-2xx response. */
export interface ApiErrorBody {
	/**
	 * The stable, machine-readable id of the error (`ttl_too_long`): what clients branch on.
	 * Messages may be reworded; ids never change once published.
	 */
	error: string;
	message: string;
	/** The HTTP status, repeated so logged bodies stand on their own. */
	code: number;
	data?: Record<string, unknown>;
}

type ParamValue = string | number | readonly string[];

interface ErrorDefinition {
	/** The `error` id on the wire, snake_case. Every 401 shares `unauthorized`, on purpose. */
	error: string;
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
		error: 'invalid_body',
		status: 400,
		message: 'invalid params: body must be a JSON object',
		data: field('body'),
	},
	unknownField: {
		error: 'unknown_field',
		status: 400,
		message: 'invalid params: unknown field {field}',
		data: (p) => ({ field: p['field'] }),
	},
	scopesRequired: {
		error: 'scopes_required',
		status: 400,
		message: 'invalid params: scopes are required',
		data: field('scopes'),
	},
	unknownScope: {
		error: 'unknown_scope',
		status: 400,
		message: 'invalid params: unknown scope {scope}',
		data: field('scopes'),
	},
	systemScopeRequested: {
		error: 'system_scope_requested',
		status: 400,
		message: 'invalid params: scope tokens:refresh cannot be requested',
		data: field('scopes'),
	},
	invalidTtl: {
		error: 'invalid_ttl',
		status: 400,
		message: 'invalid params: ttl must be a non-negative integer',
		data: field('ttl'),
	},
	invalidName: {
		error: 'invalid_name',
		status: 400,
		message: 'invalid params: name is required (1 to 128 printable characters)',
		data: field('name'),
	},
	ttlTooLong: {
		error: 'ttl_too_long',
		status: 400,
		message: 'invalid params: ttl exceeds the maximum of {max_ttl} seconds',
		data: (p) => ({ field: 'ttl', max_ttl: p['max_ttl'] }),
	},
	scopesNotRecorded: {
		error: 'scopes_not_recorded',
		status: 400,
		message: 'token has no recorded scopes; mint a new one',
	},
	usernameRequired: {
		error: 'username_required',
		status: 400,
		message: 'invalid params: username is required',
		data: field('username'),
	},
	passwordRequired: {
		error: 'password_required',
		status: 400,
		message: 'invalid params: password is required',
		data: field('password'),
	},
	invalidNewPassword: {
		error: 'invalid_new_password',
		status: 400,
		message: `invalid params: new_password must be ${PASSWORD_LENGTH.min} to ${PASSWORD_LENGTH.max} characters and differ from the current password`,
		data: field('new_password'),
	},
	phoneNumbersRequired: {
		error: 'phone_numbers_required',
		status: 400,
		message: 'invalid params: phoneNumbers are required',
		data: field('phoneNumbers'),
	},
	textRequired: {
		error: 'text_required',
		status: 400,
		message: 'invalid params: textMessage.text is required',
		data: field('textMessage'),
	},
	unauthorized: {
		error: 'unauthorized',
		status: 401,
		message: 'Unauthorized',
	},
	scopeRequired: {
		error: 'scope_required',
		status: 403,
		message: 'scope required: {scope}',
	},
	missingScopes: {
		error: 'missing_scopes',
		status: 403,
		message: 'missing scopes: {scopes}',
		data: (p) => ({ missing_scopes: p['scopes'] }),
	},
	grantRequiresBasic: {
		error: 'grant_requires_basic',
		status: 403,
		message: 'scope {scope} can only be granted with Basic credentials',
		data: (p) => ({ scope: p['scope'] }),
	},
	selfRenewal: {
		error: 'self_renewal',
		status: 403,
		message: 'a token cannot renew itself',
	},
	csrfHeaderRequired: {
		error: 'csrf_header_required',
		status: 403,
		message: `CSRF header required: ${CSRF_HEADER.name}: ${CSRF_HEADER.value}`,
		data: () => ({ header: CSRF_HEADER.name }),
	},
	messageNotFound: {
		error: 'message_not_found',
		status: 404,
		message: 'message not found',
	},
	serviceTokenNotFound: {
		error: 'service_token_not_found',
		status: 404,
		message: 'service token not found',
	},
	routeNotFound: {
		error: 'not_found',
		status: 404,
		message: REASON_PHRASES[404],
	},
	methodNotAllowed: {
		error: 'method_not_allowed',
		status: 405,
		message: REASON_PHRASES[405],
	},
	payloadTooLarge: {
		error: 'payload_too_large',
		status: 413,
		message: REASON_PHRASES[413],
	},
	unsupportedMediaType: {
		error: 'unsupported_media_type',
		status: 415,
		message: `Content-Type must be ${LOGIN_CONTENT_TYPE}`,
		data: () => ({ header: 'Content-Type' }),
	},
	uriTooLong: {
		error: 'uri_too_long',
		status: 414,
		message: REASON_PHRASES[414],
	},
	badRequest: {
		error: 'bad_request',
		status: 400,
		message: REASON_PHRASES[400],
	},
	requestTimeout: {
		error: 'request_timeout',
		status: 408,
		message: REASON_PHRASES[408],
	},
	expectationFailed: {
		error: 'expectation_failed',
		status: 417,
		message: REASON_PHRASES[417],
	},
	headersTooLarge: {
		error: 'headers_too_large',
		status: 431,
		message: REASON_PHRASES[431],
	},
} as const satisfies Record<string, ErrorDefinition>;

/** The id of an error in {@link API_ERRORS}. */
export type ApiErrorId = keyof typeof API_ERRORS;

/** Builds the body for an error, filling its `{name}` parameters. */
export function errorBody(id: ApiErrorId, params: Record<string, ParamValue> = {}): ApiErrorBody {
	const definition: ErrorDefinition = API_ERRORS[id];
	const message = fillTemplate(definition.message, (name) => {
		const value = params[name];
		if (value === undefined) throw new Error(`error ${id} needs parameter "${name}"`);
		return Array.isArray(value) ? value.join(', ') : String(value);
	});
	const body: ApiErrorBody = { error: definition.error, message, code: definition.status };
	if (definition.data) body.data = definition.data(params);
	return body;
}

/**
 * The body of an error the server answers before any endpoint could, with no catalogue entry
 * (a request Node cannot parse, a timeout, a bug): the reason phrase as message, its snake_case
 * as id (`Request Timeout` is `request_timeout`).
 */
export function statusErrorBody(status: number, reason: string): ApiErrorBody {
	return { error: reason.toLowerCase().replace(/\W+/g, '_'), message: reason, code: status };
}

/** The HTTP status of an error. */
export function errorStatus(id: ApiErrorId): number {
	return API_ERRORS[id].status;
}
