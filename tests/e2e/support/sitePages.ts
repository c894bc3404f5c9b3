import { globSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every page of a build, as paths under its base: what the sitemap lists, plus any other HTML
 * file (the 404 page), so a page left out of the sitemap is still checked.
 */
export function sitePages(dist: string, base: string, site: string): string[] {
	const sitemap = readFileSync(join(dist, 'sitemap-0.xml'), 'utf8');
	const fromSitemap = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map(
		([, url]) => new URL(url ?? '', site).pathname
	);
	const fromFiles = globSync('**/*.html', { cwd: dist })
		.filter((file) => !file.startsWith('pagefind'))
		.map((file) => base + file.replaceAll('\\', '/').replace(/(^|\/)index\.html$/, '$1'));
	return [...new Set([...fromSitemap, ...fromFiles])].sort();
}

/** The built HTML of a page that {@link sitePages} listed. */
export function pageMarkup(dist: string, base: string, path: string): string {
	const file = path.slice(base.length);
	return readFileSync(
		join(dist, file === '' || file.endsWith('/') ? `${file}index.html` : file),
		'utf8'
	);
}
