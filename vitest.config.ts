import { defineConfig } from 'vitest/config';

/**
 * Tests of pure functions over files and strings: they touch no global (`fetch`, timers, `Date`,
 * locks, environment), so they share workers instead of paying a fresh one per file. Everything
 * else (the mock intercepting `fetch`, fake timers, stubbed globals) keeps a worker of its own.
 */
const SHARED_WORKERS = [
	'tests/verify/{checks,lint,pages,samples}/**/*.test.ts',
	'tests/site/**/*.test.ts',
];
/**
 * Planted defects: they run the project's own tools (TypeScript, markdownlint, vitest, the
 * reference checks, builds) on planted copies. A worker that runs them reports the examples it
 * loads with coverage that does not merge with the examples' own tests, so `npm run test:unit`
 * runs them in a second vitest run, without coverage (see package.json).
 */
const DRIFT = ['tests/drift/**/*.test.ts'];
// The browser suite drives a real Chromium against a built site; `npm run test:e2e` runs it.
const EXCLUDE = ['tests/e2e/**', 'node_modules/**'];

export default defineConfig({
	test: {
		environment: 'node',
		// A bound for a hung test, not a speed check: vitest's 5 s is met by a 200-request race on a
		// machine busy with other work, which then fails for no reason of its own.
		testTimeout: 30_000,
		projects: [
			{
				test: {
					name: 'isolated',
					include: ['tests/**/*.test.ts'],
					exclude: [...EXCLUDE, ...SHARED_WORKERS, ...DRIFT],
				},
			},
			{ test: { name: 'drift', include: DRIFT, exclude: EXCLUDE } },
			{
				test: { name: 'shared', include: SHARED_WORKERS, exclude: EXCLUDE, isolate: false },
			},
		],
		coverage: {
			provider: 'v8',
			// Examples are what readers copy: each file must actually run in a test, not just compile.
			include: ['examples/**/*.ts'],
			reporter: ['text-summary'],
			thresholds: { perFile: true, lines: 90, statements: 85, functions: 80, branches: 70 },
		},
	},
});
