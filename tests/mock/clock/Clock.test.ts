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

describe('Clock.instant', () => {
	test('stands at the reading it was taken at, offset included, while the clock moves on', () => {
		let source = 1_000_999;
		const clock = new Clock(() => source);
		clock.advance(60);
		const instant = clock.instant();
		source += 5;
		clock.advance(1);
		expect(instant.now()).toBe(1_000_999 + 60_000);
		expect(instant.nowSeconds()).toBe(1060);
		expect(clock.now()).toBe(1_000_999 + 5 + 61_000);
	});
});
