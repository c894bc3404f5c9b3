import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../src/verify/astro.ts';

/** Prose and one TypeScript block, like a page of ours without an `<Example>` from our code. */
const PAGE = `---
title: A guide
description: A plain Starlight page with prose and a code block, for comparison.
---

Starlight renders this page with its defaults and nothing else: no custom components, no
scripts of our own. It is the baseline the bench compares our pages against.

## Some code

\`\`\`ts title="example.ts"
export async function issue(baseUrl: string): Promise<unknown> {
	const response = await fetch(\`\${baseUrl}/3rdparty/v1/auth/token\`, { method: 'POST' });
	if (!response.ok) throw new Error(\`failed: \${response.status}\`);
	return response.json();
}
\`\`\`

## More prose

A second section, so the table of contents has something to list. Lorem ipsum dolor sit amet,
consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.
`;

/**
 * Writes a vanilla Starlight project (what `npm create astro -- --template starlight` makes, minus
 * the sample pages) into `dir`, with a hard-linked copy of this repository's node_modules so it is
 * built with exactly the installed Astro and Starlight. (A symlinked node_modules confuses Astro's
 * compiler cache, and one found by walking up makes Vite externalize Starlight.) Hard links need
 * `dir` on the same file system as the repository, and GNU `cp`.
 */
export function writeVanillaSite(dir: string): void {
	mkdirSync(join(dir, 'src/content/docs/guides'), { recursive: true });
	execFileSync('cp', ['-al', join(ROOT, 'node_modules'), join(dir, 'node_modules')]);
	writeFileSync(
		join(dir, 'tsconfig.json'),
		'{ "extends": "astro/tsconfigs/strict", "include": [".astro/types.d.ts", "**/*"], "exclude": ["dist"] }\n'
	);
	// Astro bundles (rather than externalizes) the integrations listed as dependencies; without
	// them Starlight's imports of astro: virtual modules fail at render time.
	const ours = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
		devDependencies: Record<string, string>;
	};
	const dependencies = Object.fromEntries(
		['astro', '@astrojs/starlight'].map((name) => [name, ours.devDependencies[name]])
	);
	writeFileSync(
		join(dir, 'package.json'),
		`${JSON.stringify({ name: 'vanilla-starlight', type: 'module', dependencies }, null, 2)}\n`
	);
	writeFileSync(
		join(dir, 'astro.config.mjs'),
		`import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';

export default defineConfig({
	site: 'https://vanilla.example',
	integrations: [starlight({ title: 'Vanilla', sidebar: [{ label: 'Guides', items: [{ autogenerate: { directory: 'guides' } }] }] })],
});
`
	);
	writeFileSync(
		join(dir, 'src/content.config.ts'),
		`import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';

export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`
	);
	writeFileSync(
		join(dir, 'src/content/docs/index.md'),
		'---\ntitle: Vanilla\ndescription: The home page of a vanilla Starlight site.\n---\n\nHello.\n'
	);
	writeFileSync(join(dir, 'src/content/docs/guides/guide.md'), PAGE);
	// The Starlight template ships public/favicon.svg (Starlight links /favicon.svg by default).
	mkdirSync(join(dir, 'public'));
	writeFileSync(
		join(dir, 'public/favicon.svg'),
		'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 128 128"><rect width="128" height="128" rx="24" fill="#8b5cf6"/></svg>\n'
	);
}
