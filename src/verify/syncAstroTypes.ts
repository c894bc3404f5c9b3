/**
 * `astro sync`, only when what it would write could have changed: `npm run typecheck` needs
 * `.astro/types.d.ts` (Astro's client types and the content collections' types), and `astro sync`
 * costs seconds to load Astro and the Starlight integration even when it writes the same files.
 *
 * The generated types depend on the Astro configuration, the content collections' definition and
 * the installed Astro and Starlight (never on the pages themselves: entries are typed by the
 * collection's schema), so they are fresh when they are newer than all of those. `astro build`
 * and `astro dev` write the same files, so after a build this is free.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { astro, ROOT } from './astro.ts';

/** The files `astro sync` writes that the type check reads. */
const OUTPUTS = ['.astro/types.d.ts', '.astro/content.d.ts'];
/** What those files are generated from; `node_modules/.package-lock.json` changes on every install. */
const INPUTS = [
	'astro.config.mjs',
	'src/content.config.ts',
	'package.json',
	'node_modules/.package-lock.json',
];

/** Whether the generated types under `root` are at least as new as everything they come from. */
export function astroTypesFresh(root = ROOT): boolean {
	const mtime = (file: string) => statSync(join(root, file)).mtimeMs;
	if (!OUTPUTS.every((file) => existsSync(join(root, file)))) return false;
	const oldestOutput = Math.min(...OUTPUTS.map(mtime));
	return INPUTS.filter((file) => existsSync(join(root, file))).every(
		(file) => mtime(file) <= oldestOutput
	);
}

if (import.meta.main) {
	if (astroTypesFresh()) console.log('astro sync: .astro/types.d.ts is fresh, skipped');
	else {
		await astro(['sync']);
		console.log('astro sync: .astro/types.d.ts generated');
	}
}
