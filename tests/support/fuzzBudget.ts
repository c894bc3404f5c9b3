import type { Parameters } from 'fast-check';

/**
 * How long `npm run fuzz` hunts, in seconds (`FUZZ_SECONDS`); unset or 0 in `npm test`, whose
 * fuzzing is a fixed budget on a fixed seed: the same requests every run, so it passes or fails
 * for a reason, never by luck, and a failure repeats.
 */
const LONG_SECONDS = Number(process.env['FUZZ_SECONDS'] ?? 0) || 0;

/** The seed of `npm test`'s fuzzing. */
export const FUZZ_SEED = 0x7d_0c_5e_ed;

/**
 * fast-check parameters for a property that `npm test` runs `runs` times. Under `npm run fuzz`
 * it runs on a fresh seed (fast-check prints it with any failure, to replay) until `share` of
 * the time budget is spent.
 */
export function fuzzParameters<T>(runs: number, share: number): Parameters<T> {
	if (LONG_SECONDS === 0) return { seed: FUZZ_SEED, numRuns: runs };
	return {
		numRuns: Number.MAX_SAFE_INTEGER,
		interruptAfterTimeLimit: Math.round(LONG_SECONDS * 1000 * share),
		markInterruptAsFailure: false,
	};
}

/** The vitest timeout of a test holding such a property: `ms`, or its share of the hunt. */
export function fuzzTimeout(ms: number, share: number): number {
	return LONG_SECONDS === 0 ? ms : Math.round(LONG_SECONDS * 1000 * share) + ms;
}
