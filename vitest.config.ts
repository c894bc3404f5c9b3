import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		environment: 'node',
		include: ['tests/**/*.test.ts'],
		// The browser suite drives a real Chromium against a built site; `npm run test:e2e` runs it.
		exclude: ['tests/e2e/**', 'node_modules/**'],
		coverage: {
			provider: 'v8',
			// Examples are what readers copy: each file must actually run in a test, not just compile.
			include: ['examples/**/*.ts'],
			reporter: ['text-summary'],
			thresholds: { perFile: true, lines: 90, statements: 85, functions: 80, branches: 70 },
		},
	},
});
