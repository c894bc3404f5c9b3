/**
 * The Token Pair API's endpoints as data: the mock registers its handlers from this list, and the
 * API reference page is rendered from it, so neither can describe an endpoint the other lacks.
 */
import type { z } from 'zod';
import type { ApiErrorId } from './errors.ts';
import {
	CSRF_HEADER,
	LOGIN_CONTENT_TYPE,
	NO_STORE as NO_STORE_HEADER,
	PRAGMA_NO_CACHE,
} from './http.ts';
import {
	ChangePasswordRequest,
	CreateServiceTokenRequest,
	IssueTokenRequest,
	JwksResponse,
	LoginRequest,
	MessageResponse,
	RenewServiceTokenRequest,
	SendMessageRequest,
	ServiceTokenListResponse,
	ServiceTokenResponse,
	SessionResponse,
	TokenPairResponse,
} from './schemas.ts';

/**
 * How a caller may authenticate to an endpoint: `password` is a username and password in the JSON
 * body, `refresh-cookie` the session's `refresh_token` cookie.
 */
export type AuthScheme =
	'none' | 'basic' | 'bearer' | 'refresh-token' | 'password' | 'refresh-cookie';

/** One endpoint of the API. */
export interface Endpoint {
	/** Stable id; handler files are named after it. */
	id: string;
	method: 'GET' | 'POST' | 'DELETE';
	/** The path, with `:name` for a path parameter. */
	path: string;
	summary: string;
	auth: { schemes: readonly AuthScheme[]; scope?: string };
	request?: z.ZodType;
	success: {
		status: number;
		body?: z.ZodType;
		/** Headers the contract promises on success. */
		headers?: Record<string, string>;
		/** What a success does to the `refresh_token` cookie: sets (rotates) or clears it. */
		cookie?: 'set' | 'clear';
	};
	/** Every catalogue error this endpoint can answer. */
	errors: readonly ApiErrorId[];
}

/** Token responses must never be cached (RFC 6749 §5.1); `Pragma` for HTTP/1.0 caches. */
const NO_STORE = {
	[NO_STORE_HEADER.name]: NO_STORE_HEADER.value,
	[PRAGMA_NO_CACHE.name]: PRAGMA_NO_CACHE.value,
};
const BODY_ERRORS = ['invalidBody', 'unknownField', 'payloadTooLarge'] as const;

/**
 * The longest request URL (origin included) any endpoint accepts, in characters; a longer one is
 * 414 on every path. Browsers and proxies commonly stop near 8 KiB too.
 */
export const MAX_URL_LENGTH = 8192;

/**
 * Errors answered before any endpoint: a URL over the limit, a known path's wrong method, an
 * unknown API path.
 */
export const FALLBACK_ERRORS = [
	'uriTooLong',
	'methodNotAllowed',
	'routeNotFound',
] as const satisfies readonly ApiErrorId[];

/**
 * Errors an HTTP server answers to a request it cannot hand to any endpoint: one it cannot parse
 * (or without `Host`), one whose headers never finish, an `Expect` it cannot meet, headers over
 * the limit. `npm run mock-api` answers them with the error body like every other error.
 */
export const TRANSPORT_ERRORS = [
	'badRequest',
	'requestTimeout',
	'expectationFailed',
	'headersTooLarge',
] as const satisfies readonly ApiErrorId[];

/** Every endpoint, in the order the reference lists them. */
export const ENDPOINTS = [
	{
		id: 'issueTokenPair',
		method: 'POST',
		path: '/3rdparty/v1/auth/token',
		summary: 'Issue a token pair',
		auth: { schemes: ['basic', 'bearer'], scope: 'tokens:manage' },
		request: IssueTokenRequest,
		success: { status: 201, body: TokenPairResponse, headers: NO_STORE },
		errors: [
			...BODY_ERRORS,
			'scopesRequired',
			'unknownScope',
			'systemScopeRequested',
			'invalidTtl',
			'unauthorized',
			'scopeRequired',
			'grantRequiresBasic',
		],
	},
	{
		id: 'refreshTokenPair',
		method: 'POST',
		path: '/3rdparty/v1/auth/token/refresh',
		summary: 'Rotate: spend a refresh token for a new pair',
		auth: { schemes: ['refresh-token'], scope: 'tokens:refresh' },
		success: { status: 201, body: TokenPairResponse, headers: NO_STORE },
		errors: ['unauthorized', 'scopeRequired'],
	},
	{
		id: 'revokeToken',
		method: 'DELETE',
		path: '/3rdparty/v1/auth/token/:jti',
		// An unknown id, or another account's, is 204 too: the answer never says which ids exist.
		summary:
			'Revoke a token and every token descended from it; 204 also for an unknown id or another account’s, which stays untouched',
		auth: { schemes: ['basic', 'bearer'], scope: 'tokens:manage' },
		success: { status: 204 },
		errors: ['unauthorized', 'scopeRequired'],
	},
	{
		id: 'revokeAllLogins',
		method: 'POST',
		path: '/3rdparty/v1/auth/logins/revoke',
		summary:
			'End every login and service token of the account, recorded or not (Basic credentials only)',
		auth: { schemes: ['basic'] },
		success: { status: 204, headers: NO_STORE },
		errors: ['unauthorized'],
	},
	{
		id: 'changePassword',
		method: 'POST',
		path: '/3rdparty/v1/auth/password',
		summary:
			'Change the password; every login and service token of the account ends in the same step',
		auth: { schemes: ['basic'] },
		request: ChangePasswordRequest,
		success: { status: 204, headers: NO_STORE },
		errors: [...BODY_ERRORS, 'invalidNewPassword', 'unauthorized'],
	},
	{
		id: 'createServiceToken',
		method: 'POST',
		path: '/3rdparty/v1/service-tokens',
		summary: 'Mint a named, long-lived service token',
		auth: { schemes: ['basic', 'bearer'], scope: 'tokens:manage' },
		request: CreateServiceTokenRequest,
		success: { status: 201, body: ServiceTokenResponse, headers: NO_STORE },
		errors: [
			...BODY_ERRORS,
			'invalidName',
			'scopesRequired',
			'unknownScope',
			'systemScopeRequested',
			'invalidTtl',
			'ttlTooLong',
			'unauthorized',
			'scopeRequired',
			'grantRequiresBasic',
		],
	},
	{
		id: 'listServiceTokens',
		method: 'GET',
		path: '/3rdparty/v1/service-tokens',
		summary: 'List your service tokens (never the tokens themselves)',
		auth: { schemes: ['basic', 'bearer'], scope: 'tokens:manage' },
		success: { status: 200, body: ServiceTokenListResponse, headers: NO_STORE },
		errors: ['unauthorized', 'scopeRequired'],
	},
	{
		id: 'renewServiceToken',
		method: 'POST',
		path: '/3rdparty/v1/service-tokens/:id/renew',
		summary: 'Renew: a new token with the same name and scopes; the original lives on',
		auth: { schemes: ['basic', 'bearer'], scope: 'tokens:manage' },
		request: RenewServiceTokenRequest,
		success: { status: 201, body: ServiceTokenResponse, headers: NO_STORE },
		errors: [
			...BODY_ERRORS,
			'invalidTtl',
			'ttlTooLong',
			'scopesNotRecorded',
			'unauthorized',
			'scopeRequired',
			'missingScopes',
			'grantRequiresBasic',
			'selfRenewal',
			'serviceTokenNotFound',
		],
	},
	{
		id: 'getJwks',
		method: 'GET',
		path: '/3rdparty/v1/auth/jwks',
		summary: 'The public keys that verify access tokens',
		auth: { schemes: ['none'] },
		// Keys change rarely and verifiers fetch them often: five minutes of caching.
		success: {
			status: 200,
			body: JwksResponse,
			headers: { 'Cache-Control': 'public, max-age=300' },
		},
		errors: [],
	},
	{
		id: 'sendMessage',
		method: 'POST',
		path: '/3rdparty/v1/messages',
		summary: 'Send a message',
		auth: { schemes: ['basic', 'bearer'], scope: 'messages:send' },
		request: SendMessageRequest,
		success: { status: 202, body: MessageResponse },
		errors: [
			...BODY_ERRORS,
			'phoneNumbersRequired',
			'textRequired',
			'unauthorized',
			'scopeRequired',
		],
	},
	{
		id: 'getMessage',
		method: 'GET',
		path: '/3rdparty/v1/messages/:id',
		summary: 'Read a message’s state',
		auth: { schemes: ['basic', 'bearer'], scope: 'messages:read' },
		success: { status: 200, body: MessageResponse },
		errors: ['unauthorized', 'scopeRequired', 'messageNotFound'],
	},
	{
		id: 'login',
		method: 'POST',
		path: '/auth/login',
		summary: `Browser session: log in; the refresh token goes into an HttpOnly cookie (body ${LOGIN_CONTENT_TYPE} only)`,
		auth: { schemes: ['password'] },
		request: LoginRequest,
		success: { status: 200, body: SessionResponse, headers: NO_STORE, cookie: 'set' },
		errors: [
			'unsupportedMediaType',
			...BODY_ERRORS,
			'usernameRequired',
			'passwordRequired',
			'unauthorized',
		],
	},
	{
		id: 'refreshSession',
		method: 'POST',
		path: '/auth/refresh',
		summary: `Browser session: rotate the cookie for a new access token (needs ${CSRF_HEADER.name}: ${CSRF_HEADER.value})`,
		auth: { schemes: ['refresh-cookie'] },
		success: { status: 200, body: SessionResponse, headers: NO_STORE, cookie: 'set' },
		errors: ['csrfHeaderRequired', 'unauthorized'],
	},
	{
		id: 'logout',
		method: 'POST',
		path: '/auth/logout',
		summary: `Browser session: log out; the cookie is cleared and the login revoked (needs ${CSRF_HEADER.name}: ${CSRF_HEADER.value})`,
		auth: { schemes: ['refresh-cookie'] },
		success: { status: 204, headers: NO_STORE, cookie: 'clear' },
		errors: ['csrfHeaderRequired'],
	},
] as const satisfies readonly Endpoint[];

/** The id of an endpoint in {@link ENDPOINTS}. */
export type EndpointId = (typeof ENDPOINTS)[number]['id'];

/** Looks up an endpoint by id. */
export function endpoint(id: EndpointId): Endpoint {
	const found = ENDPOINTS.find((candidate) => candidate.id === id);
	if (!found) throw new Error(`no endpoint ${id}`);
	return found;
}
