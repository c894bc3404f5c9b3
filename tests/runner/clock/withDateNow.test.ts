import { describe, expect, test } from 'vitest';
import { withDateNow } from '../../../src/runner/clock/withDateNow.ts';

describe('withDateNow', () => {
	test('Date.now answers the given clock during the work, across awaits', async () => {
		const seen = await withDateNow(
			() => 42,
			async () => {
				const before = Date.now();
				await new Promise((resolve) => setTimeout(resolve, 1));
				return [before, Date.now()];
			}
		);
		expect(seen).toEqual([42, 42]);
		expect(Date.now()).toBeGreaterThan(1_700_000_000_000);
	});

	test('puts the real Date.now back when the work throws', async () => {
		const real = Date.now;
		await expect(
			withDateNow(
				() => 0,
				() => Promise.reject(new Error('boom'))
			)
		).rejects.toThrow('boom');
		expect(Date.now).toBe(real);
	});
});
