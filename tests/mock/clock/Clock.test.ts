import { describe, expect, test } from 'vitest';
import { Clock } from '../../../src/mock/clock/Clock.ts';

describe('Clock.setOffsetSeconds', () => {
	test('puts the clock exactly that far ahead, whatever it was before', () => {
		const clock = new Clock(() => 1_000_000);
		clock.advance(30);
		clock.setOffsetSeconds(900);
		expect(clock.offsetSeconds).toBe(900);
		expect(clock.now()).toBe(1_000_000 + 900_000);
		clock.setOffsetSeconds(0);
		expect(clock.now()).toBe(1_000_000);
	});

	test.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('refuses %s', (seconds) => {
		const clock = new Clock(() => 0);
		clock.advance(5);
		expect(() => clock.setOffsetSeconds(seconds)).toThrow(RangeError);
		expect(clock.offsetSeconds).toBe(5);
	});
});
