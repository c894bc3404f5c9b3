import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The browser suite: `npm run test:e2e`. It builds the site twice (at `/` and, in basePath.test.ts,
// under a `/docs` base; `E2E_SITE_DIST` reuses a build at `/`), serves both with `astro preview`
// and drives Chromium through playwright-core.
export default defineConfig({
	root: fileURLToPath(new URL('../..', import.meta.url)),
	test: {
		environment: 'node',
		include: ['tests/e2e/**/*.test.ts'],
		globalSetup: ['tests/e2e/support/globalSetup.ts'],
		testTimeout: 120_000,
		hookTimeout: 60_000,
		// Each file launches its own Chromium; a few at a time keeps the machine responsive.
		maxWorkers: 3,
	},
});
