import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

/** Builds the site twice (outside `dist/`, which others may be using) and serves both builds. */
export default async function setup(project: TestProject) {
	const work = mkdtempSync(join(tmpdir(), 'tpd-e2e-'));
	const dist = join(work, 'site');
	const basedDist = join(work, 'docs');
	const previews: Preview[] = [];
	try {
		await astro(['build', '--outDir', dist]);
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
