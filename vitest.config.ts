import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Test files that need a module graph of their own: they replace a module (`vi.mock`), which
 * would leak into every file after them in a shared worker. Every other file shares its worker's
 * modules; each restores what it changes (fake timers, spies, the mock's interception, stubbed
 * globals and environment, see `unstubGlobals`/`unstubEnvs` below), which a shuffled run checks.
 */
const ISOLATED = ['tests/examples/refresh/token-store.test.ts'];
/**
 * The examples' own tests: the only ones run with coverage (`npm run test:unit` runs them in a
 * vitest run of their own). V8's precise coverage slows every function a worker runs, the mock
 * and the fuzzer's ten thousand requests included, by half again, while the thresholds concern
 * only `examples/`, and what counts there is that the example's own test runs it.
 */
const EXAMPLES = ['tests/examples/**/*.test.ts'];
/**
 * Planted defects: they run the project's own tools (TypeScript, markdownlint, vitest, the
 * reference checks, builds) on planted copies, in workers of their own. A worker that runs them
 * loads planted examples, whose coverage must not count, so they run in the vitest run without
 * coverage, beside the other tests (see package.json), where their builds fill the cores the
 * other files leave idle.
 */
const DRIFT = ['tests/drift/**/*.test.ts'];
/**
 * Tests that run a real component from Debian, as readers do (the Browser apps page's nginx
 * config in nginx): `npm run test:system` runs them, and `.ci/run` installs what they need first,
 * as it does Chromium for the browser suite. A fresh machine lacks nginx, and `npm test` must pass
 * there.
 */
const SYSTEM = ['tests/examples/browser-apps/nginx.test.ts'];
// The browser suite drives a real Chromium against a built site; `npm run test:e2e` runs it.
const EXCLUDE = ['tests/e2e/**', 'node_modules/**'];
/**
 * `.ci/run` sets VITEST_JSON_DIR to collect every vitest run's results as JSON, which
 * .ci/summary.ts adds up; one file per run, as `npm run test:unit` makes two runs.
 */
const JSON_DIR = process.env['VITEST_JSON_DIR'];

export default defineConfig({
	test: {
		environment: 'node',
		// Threads start faster than forks, and every core works: vitest's default leaves one idle,
		// which on a 2-core machine halves the suite's speed.
		pool: 'threads',
		maxWorkers: availableParallelism(),
		unstubGlobals: true,
		unstubEnvs: true,
		// A bound for a hung test, not a speed check: vitest's 5 s is met by a 200-request race on a
		// machine busy with other work, which then fails for no reason of its own.
		testTimeout: 30_000,
		// The same for a hook: `npm test` runs its lanes side by side, and a hook that imports the
		// lint rules took more than vitest's 10 s on a machine busy with six other suites.
		hookTimeout: 60_000,
		reporters: JSON_DIR
			? ['default', ['json', { outputFile: `${JSON_DIR}/vitest-${process.pid}.json` }]]
			: ['default'],
		projects: [
			{
				test: {
					name: 'examples',
					include: EXAMPLES,
					exclude: [...EXCLUDE, ...ISOLATED, ...SYSTEM],
					isolate: false,
				},
			},
			{ test: { name: 'isolated', include: ISOLATED, exclude: EXCLUDE } },
			{
				test: {
					name: 'shared',
					include: ['tests/**/*.test.ts'],
					exclude: [...EXCLUDE, ...ISOLATED, ...EXAMPLES, ...DRIFT],
					isolate: false,
				},
			},
			{ test: { name: 'drift', include: DRIFT, exclude: EXCLUDE } },
			{ test: { name: 'system', include: SYSTEM, exclude: EXCLUDE } },
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
