import { describe, expect, test } from 'vitest';
import {
	ENDPOINTS,
	FALLBACK_ERRORS,
	TRANSPORT_ERRORS,
} from '../../../src/mock/contract/endpoints.ts';
import {
	API_ERRORS,
	type ApiErrorId,
	errorBody,
	statusErrorBody,
} from '../../../src/mock/contract/errors.ts';

/** Catalogue ids nothing can answer: entries the Troubleshooting page would list for nothing. */
function unusedErrors(
	catalogue: Record<string, unknown>,
	endpoints: readonly { errors: readonly string[] }[],
	fallbacks: readonly string[]
): string[] {
	const used = new Set([...endpoints.flatMap((endpoint) => endpoint.errors), ...fallbacks]);
	return Object.keys(catalogue).filter((id) => !used.has(id));
}

describe('the error catalogue', () => {
	test('every entry is answered by at least one endpoint, fallback or the HTTP server', () => {
		expect(unusedErrors(API_ERRORS, ENDPOINTS, [...FALLBACK_ERRORS, ...TRANSPORT_ERRORS])).toEqual(
			[]
		);
	});

	test('the check finds an entry nothing uses', () => {
		const catalogue = {
			...API_ERRORS,
			retiredError: { error: 'gone', status: 410, message: 'Gone' },
		};
		expect(unusedErrors(catalogue, ENDPOINTS, [...FALLBACK_ERRORS, ...TRANSPORT_ERRORS])).toEqual([
			'retiredError',
		]);
	});

	test('every listed error is in the catalogue, and no endpoint lists one twice', () => {
		for (const endpoint of ENDPOINTS) {
			for (const id of endpoint.errors) expect(API_ERRORS).toHaveProperty(id);
			expect(new Set(endpoint.errors).size).toBe(endpoint.errors.length);
		}
	});

	test.each([
		{
			id: 'missingScopes' as ApiErrorId,
			params: { scopes: ['messages:send', 'settings:write'] },
			body: {
				error: 'missing_scopes',
				message: 'missing scopes: messages:send, settings:write',
				code: 403,
				data: { missing_scopes: ['messages:send', 'settings:write'] },
			},
		},
		{
			id: 'ttlTooLong' as ApiErrorId,
			params: { max_ttl: 604_800 },
			body: {
				error: 'ttl_too_long',
				message: 'invalid params: ttl exceeds the maximum of 604800 seconds',
				code: 400,
				data: { field: 'ttl', max_ttl: 604_800 },
			},
		},
		{
			id: 'csrfHeaderRequired' as ApiErrorId,
			params: {},
			body: {
				error: 'csrf_header_required',
				message: 'CSRF header required: X-CSRF: 1',
				code: 403,
				data: { header: 'X-CSRF' },
			},
		},
		{
			id: 'scopesNotRecorded' as ApiErrorId,
			params: {},
			body: {
				error: 'scopes_not_recorded',
				message: 'token has no recorded scopes; mint a new one',
				code: 400,
			},
		},
	])('errorBody($id) is the contract’s body', ({ id, params, body }) => {
		expect(errorBody(id, params)).toEqual(body);
	});

	test('every entry has its own snake_case wire id, and every 401 is `unauthorized`', () => {
		const entries = Object.values(API_ERRORS);
		const ids = entries.map((entry) => entry.error);
		for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9_]*$/);
		expect(new Set(ids).size).toBe(ids.length);
		const unauthorized = entries.filter((entry) => entry.status === 401);
		expect(unauthorized.map((entry) => [entry.error, entry.message])).toEqual([
			['unauthorized', 'Unauthorized'],
		]);
	});

	test('the ids already published keep their spelling', () => {
		// A renamed id breaks every client that branches on it; new entries may be added freely.
		const wire = Object.fromEntries(Object.entries(API_ERRORS).map(([key, e]) => [key, e.error]));
		expect(wire).toMatchObject({
			csrfHeaderRequired: 'csrf_header_required',
			invalidBody: 'invalid_body',
			invalidName: 'invalid_name',
			invalidTtl: 'invalid_ttl',
			messageNotFound: 'message_not_found',
			methodNotAllowed: 'method_not_allowed',
			missingScopes: 'missing_scopes',
			passwordRequired: 'password_required',
			payloadTooLarge: 'payload_too_large',
			phoneNumbersRequired: 'phone_numbers_required',
			routeNotFound: 'not_found',
			scopeRequired: 'scope_required',
			scopesNotRecorded: 'scopes_not_recorded',
			scopesRequired: 'scopes_required',
			serviceTokenNotFound: 'service_token_not_found',
			systemScopeRequested: 'system_scope_requested',
			textRequired: 'text_required',
			ttlTooLong: 'ttl_too_long',
			unauthorized: 'unauthorized',
			unknownField: 'unknown_field',
			unknownScope: 'unknown_scope',
			usernameRequired: 'username_required',
		});
	});

	test('an error the server answers before any endpoint has an id from its reason phrase', () => {
		expect(statusErrorBody(431, 'Request Header Fields Too Large')).toEqual({
			error: 'request_header_fields_too_large',
			message: 'Request Header Fields Too Large',
			code: 431,
		});
	});

	test('a missing parameter is a bug in the mock, not a silent "{scopes}"', () => {
		expect(() => errorBody('missingScopes')).toThrow(/needs parameter "scopes"/);
	});
});
