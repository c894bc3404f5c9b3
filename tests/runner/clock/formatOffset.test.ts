import { describe, expect, test } from 'vitest';
import { formatOffset } from '../../../src/runner/clock/formatOffset.ts';

describe('formatOffset', () => {
	test.each([
		[0, 'real time'],
		[0.4, 'real time'],
		[60, '+1 min'],
		[15 * 60, '+15 min'],
		[3_600 + 61, '+1 h 1 min 1 s'],
		[30 * 86_400 + 15 * 60, '+30 days 15 min'],
		[86_400, '+1 day'],
	])('%d s → %s', (seconds, text) => {
		expect(formatOffset(seconds)).toBe(text);
	});

	test.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('refuses %d', (seconds) => {
		expect(() => formatOffset(seconds)).toThrow(RangeError);
	});
});
