import { describe, expect, test } from 'vitest';
import {
	ENDPOINTS,
	FALLBACK_ERRORS,
	TRANSPORT_ERRORS,
} from '../../../src/mock/contract/endpoints.ts';
import { API_ERRORS, type ApiErrorId, errorBody } from '../../../src/mock/contract/errors.ts';

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
		const catalogue = { ...API_ERRORS, retiredError: { status: 410, message: 'Gone' } };
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
				message: 'missing scopes: messages:send, settings:write',
				code: 403,
				data: { missing_scopes: ['messages:send', 'settings:write'] },
			},
		},
		{
			id: 'ttlTooLong' as ApiErrorId,
			params: { max_ttl: 604_800 },
			body: {
				message: 'invalid params: ttl exceeds the maximum of 604800 seconds',
				code: 400,
				data: { field: 'ttl', max_ttl: 604_800 },
			},
		},
		{
			id: 'csrfHeaderRequired' as ApiErrorId,
			params: {},
			body: { message: 'CSRF header required: X-CSRF: 1', code: 403, data: { header: 'X-CSRF' } },
		},
		{
			id: 'scopesNotRecorded' as ApiErrorId,
			params: {},
			body: { message: 'token has no recorded scopes; mint a new one', code: 400 },
		},
	])('errorBody($id) is the contract’s body', ({ id, params, body }) => {
		expect(errorBody(id, params)).toEqual(body);
	});

	test('a missing parameter is a bug in the mock, not a silent "{scopes}"', () => {
		expect(() => errorBody('missingScopes')).toThrow(/needs parameter "scopes"/);
	});
});
