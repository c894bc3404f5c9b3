import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { astro, preview, type Preview } from '../../../src/verify/astro.ts';

declare module 'vitest' {
	export interface ProvidedContext {
		/** The site built at `/`, served by `astro preview`. */
		site: { origin: string; dist: string; base: string };
	}
}

/**
 * Builds the site (outside `dist/`, which others may be using) and serves it. `E2E_SITE_DIST`
 * names a build at `/` of this very checkout to serve instead of building it again: `.ci/run`
 * passes the `dist/` that `npm test` has just built. The `/docs` build that only basePath.test.ts
 * reads is made there, beside the other files' tests rather than before all of them.
 */
export default async function setup(project: TestProject) {
	const work = mkdtempSync(join(tmpdir(), 'tpd-e2e-'));
	const reused = process.env['E2E_SITE_DIST'];
	const dist = reused ? resolve(reused) : join(work, 'site');
	let site: Preview | undefined;
	try {
		if (!reused) await astro(['build', '--outDir', dist]);
		else if (!existsSync(join(dist, 'index.html'))) {
			throw new Error(`E2E_SITE_DIST=${reused} holds no built site (no index.html)`);
		}
		site = await preview(['--outDir', dist], '/');
		project.provide('site', { origin: site.origin, dist, base: '/' });
	} catch (error) {
		await site?.stop();
		rmSync(work, { recursive: true, force: true });
		throw error;
	}
	return async () => {
		await site?.stop();
		rmSync(work, { recursive: true, force: true });
	};
}
