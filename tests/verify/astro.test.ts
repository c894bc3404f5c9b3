import { describe, expect, test } from 'vitest';
import { withoutVitestEnv } from '../../src/verify/astro.ts';

describe('withoutVitestEnv', () => {
	test('drops what Vitest put in this worker’s environment, which would override a build’s base', () => {
		// This very worker has them: Vitest copies Vite's import.meta.env into process.env.
		expect(process.env).toMatchObject({ VITEST: 'true', BASE_URL: '/', MODE: 'test' });
		const env = withoutVitestEnv();
		for (const key of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV']) {
			expect(env).not.toHaveProperty(key);
		}
		expect(env['PATH']).toBe(process.env['PATH']);
	});

	test('leaves a shell’s own environment alone', () => {
		const shell = { PATH: '/usr/bin', NODE_ENV: 'production', MODE: 'x' };
		expect(withoutVitestEnv(shell)).toEqual(shell);
		expect(withoutVitestEnv(shell)).not.toBe(shell);
	});
});
