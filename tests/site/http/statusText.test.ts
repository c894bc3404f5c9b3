import { expect, test } from 'vitest';
import { FALLBACK_ERRORS, TRANSPORT_ERRORS } from '../../../src/mock/contract/endpoints.ts';
import { API_ERRORS } from '../../../src/mock/contract/errors.ts';
import { statusText } from '../../../src/site/http/statusText.ts';

test('names the statuses the mock answers and falls back to the number', () => {
	expect(statusText(201)).toBe('201 Created');
	expect(statusText(401)).toBe('401 Unauthorized');
	expect(statusText(418)).toBe('418');
});

test('every status an error of the catalogue answers has a phrase, the one its message uses', () => {
	for (const [id, definition] of Object.entries(API_ERRORS)) {
		expect(statusText(definition.status), id).toMatch(/^\d{3} \S/);
	}
	// The errors that are only a status say exactly the table's phrase: one phrase per status.
	for (const id of [...FALLBACK_ERRORS, ...TRANSPORT_ERRORS, 'payloadTooLarge'] as const) {
		const { status, message } = API_ERRORS[id];
		expect(statusText(status), id).toBe(`${status} ${message}`);
	}
	expect(statusText(413)).toBe('413 Payload Too Large');
	expect(statusText(414)).toBe('414 URI Too Long');
	expect(statusText(417)).toBe('417 Expectation Failed');
});
