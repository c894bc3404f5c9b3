import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { astro, preview, type Preview } from '../../../src/verify/astro.ts';

declare module 'vitest' {
	export interface ProvidedContext {
		/** The site built at `/`, served by `astro preview`. */
		site: { origin: string; dist: string; base: string };
		/** The same site built under `base: '/docs'`. */
		basedSite: { origin: string; dist: string; base: string };
	}
}

/**
 * Builds the site twice (outside `dist/`, which others may be using) and serves both builds.
 * `E2E_SITE_DIST` names a build at `/` of this very checkout to serve instead of building it
 * again: `.ci/run` passes the `dist/` that `npm test` has just built. The `/docs` build differs
 * in every link, so it is always made here.
 */
export default async function setup(project: TestProject) {
	const work = mkdtempSync(join(tmpdir(), 'tpd-e2e-'));
	const reused = process.env['E2E_SITE_DIST'];
	const dist = reused ? resolve(reused) : join(work, 'site');
	const basedDist = join(work, 'docs');
	const previews: Preview[] = [];
	try {
		if (!reused) await astro(['build', '--outDir', dist]);
		else if (!existsSync(join(dist, 'index.html'))) {
			throw new Error(`E2E_SITE_DIST=${reused} holds no built site (no index.html)`);
		}
		await astro([
			'build',
			'--config',
			'tests/e2e/support/astro.base.config.mjs',
			'--outDir',
			basedDist,
		]);
		const site = await preview(['--outDir', dist], '/');
		previews.push(site);
		const based = await preview(
			['--config', 'tests/e2e/support/astro.base.config.mjs', '--outDir', basedDist],
			'/docs/'
		);
		previews.push(based);
		project.provide('site', { origin: site.origin, dist, base: '/' });
		project.provide('basedSite', { origin: based.origin, dist: basedDist, base: '/docs/' });
	} catch (error) {
		await Promise.all(previews.map((server) => server.stop()));
		rmSync(work, { recursive: true, force: true });
		throw error;
	}
	return async () => {
		await Promise.all(previews.map((server) => server.stop()));
		rmSync(work, { recursive: true, force: true });
	};
}
