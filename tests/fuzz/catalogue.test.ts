import { afterEach, describe, expect, test } from 'vitest';
import { ErrorResponse } from '../../src/mock/contract/schemas.ts';
import { CATALOGUE } from './rows/index.ts';
import type { Expected } from './support/CatalogueRow.ts';
import { createRowContext } from './support/createRowContext.ts';
import { TRANSPORT_NAMES, useTransport, type WireResponse } from './support/transports.ts';

/** What a response looks like for comparison: the parts the contract fixes. */
function observed(response: WireResponse, expected: Expected) {
	const headers = Object.fromEntries(
		Object.keys(expected.headers ?? {}).map((name) => [name, response.headers.get(name)])
	);
	if ('schema' in expected) {
		const parsed = expected.schema.safeParse(response.json);
		return {
			status: response.status,
			headers,
			body: parsed.success ? 'matches schema' : response.json,
		};
	}
	return { status: response.status, headers, body: response.json };
}

function wanted(expected: Expected) {
	return {
		status: expected.status,
		headers: expected.headers ?? {},
		body: 'schema' in expected ? 'matches schema' : expected.body,
	};
}

const byStatus = (a: { status: number }, b: { status: number }) => a.status - b.status;

test('the catalogue has at least 40 rows, in every group the contract covers', () => {
	expect(CATALOGUE.length).toBeGreaterThanOrEqual(40);
	expect(new Set(CATALOGUE.map((row) => row.group))).toEqual(
		new Set([
			'token parsing',
			'algorithms',
			'claims',
			'rotation',
			'revocation',
			'request bodies',
			'requests',
			'service tokens and renewal caps',
			'cookies and CSRF',
		])
	);
	const names = CATALOGUE.map((row) => `${row.group}: ${row.name}`);
	expect(new Set(names).size).toBe(names.length);
});

describe.each(TRANSPORT_NAMES)('bad-input catalogue over %s', (name) => {
	const transport = useTransport(name);
	const initial = { ...transport.api.settings };
	afterEach(() => {
		transport.api.reset();
		Object.assign(transport.api.settings, initial);
	});

	test.each(CATALOGUE.map((row) => [`${row.group}: ${row.name}`, row] as const))(
		'%s',
		async (_label, row) => {
			const result = await row.act(createRowContext(transport));
			const responses = Array.isArray(result) ? result : [result];
			const expectations = Array.isArray(row.expect) ? row.expect : [row.expect];
			// Whatever the row, a non-2xx is always the contract's error body with its own status.
			for (const response of responses) {
				expect(response.status).toBeLessThan(500);
				if (response.status >= 400) {
					expect(ErrorResponse.safeParse(response.json).success, response.text).toBe(true);
					expect((response.json as { code: number }).code).toBe(response.status);
				}
			}
			// Responses of a race come back in any order: pair them with expectations by status.
			const sortedExpectations = [...expectations].sort(byStatus);
			const got = [...responses]
				.sort(byStatus)
				.map((response, index) =>
					observed(response, sortedExpectations[index] ?? expectations[0]!)
				);
			expect(got, row.note).toEqual(sortedExpectations.map(wanted));
		}
	);
});
