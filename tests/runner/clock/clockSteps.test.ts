import { describe, expect, test } from 'vitest';
import { CLOCK_STEPS, clockStep } from '../../../src/runner/clock/clockSteps.ts';
import { LIFETIMES } from '../../../src/mock/contract/lifetimes.ts';

describe('CLOCK_STEPS', () => {
	test('has a button for each lifetime the pages talk about', () => {
		const seconds = CLOCK_STEPS.map((step) => step.seconds);
		expect(seconds).toContain(LIFETIMES.accessToken);
		expect(seconds).toContain(LIFETIMES.refreshToken);
		// 60 s before an access token expires is where the guide's token manager refreshes.
		expect(seconds).toContain(LIFETIMES.accessToken - 60);
	});

	test('finds a step by its seconds', () => {
		expect(clockStep(900)?.label).toBe('+15 min');
		expect(clockStep(1)).toBeUndefined();
	});
});
