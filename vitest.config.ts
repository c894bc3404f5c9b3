import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		environment: 'node',
		include: ['tests/**/*.test.ts'],
		// The browser suite drives a real Chromium against a built site; `npm run test:e2e` runs it.
		exclude: ['tests/e2e/**', 'node_modules/**'],
	},
});
