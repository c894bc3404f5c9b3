import { describe, expect, test } from 'vitest';
import { parseSharedState } from '../../../src/mock/crossTab/SharedState.ts';

const valid = { format: 1, rev: 'r1', mock: { format: 1 }, cookies: { version: 'x', cookies: [] } };

describe('parseSharedState', () => {
	test('reads a stored state', () => {
		expect(parseSharedState(JSON.stringify(valid))).toEqual(valid);
	});

	test.each([
		['nothing stored', null],
		['text that is not JSON', '{"format":'],
		['JSON that is not an object', '"state"'],
		['another format', JSON.stringify({ ...valid, format: 2 })],
		['no rev', JSON.stringify({ ...valid, rev: undefined })],
		['no mock', JSON.stringify({ ...valid, mock: null })],
		['no cookies', JSON.stringify({ ...valid, cookies: 'a=b' })],
	])('is undefined for %s', (_, text) => {
		expect(parseSharedState(text)).toBeUndefined();
	});
});
