import { globSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A page (or fixture) and its source. */
export interface Page {
	path: string;
	source: string;
}

/** Every file matching `pattern` under the repository root, sorted, with its text. */
export function readPages(pattern = 'src/content/docs/**/*.{md,mdx}'): Page[] {
	return globSync(pattern, { cwd: ROOT })
		.sort()
		.map((path) => ({ path, source: readFileSync(`${ROOT}${path}`, 'utf8') }));
}
