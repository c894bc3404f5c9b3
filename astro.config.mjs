// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import starlightLinksValidator from 'starlight-links-validator';
import { REPOSITORY } from './src/site/repository.ts';
import { SITE_URL } from './src/site/siteUrl.ts';

/**
 * One sidebar group per content directory. `autogenerate` lists whatever pages exist, so a page
 * that is not written yet leaves no dead sidebar link (links-validator would fail the build).
 * @param {string} label
 * @param {string} directory
 */
const group = (label, directory) => ({ label, items: [{ autogenerate: { directory } }] });

export default defineConfig({
	site: SITE_URL,
	vite: {
		build: {
			// The runner chunk (src/runner/activate.ts: msw, the mock, jose, zod) is about 590 kB and
			// loads only when a reader first presses Run; nothing a page needs to render is near it.
			// The limit sits just above it, so a chunk that grows past it still gets a warning.
			chunkSizeWarningLimit: 650,
			rolldownOptions: {
				onwarn(warning, warn) {
					// Astro's MDX pages open with a `"use astro:head-inject"` directive that only Astro's
					// own head-injection step reads, before bundling; rolldown cannot know that, and warns
					// once per page that it may not keep it. Nothing else is silenced.
					if (
						warning.code === 'MODULE_LEVEL_DIRECTIVE' &&
						warning.message.includes('"use astro:head-inject"')
					) {
						return;
					}
					warn(warning);
				},
			},
		},
	},
	integrations: [
		starlight({
			title: 'Token Pair API',
			description:
				'Access and refresh tokens for the Token Pair API: every snippet is compiled TypeScript, executed against a mock of the API.',
			// Code never wraps: a wrapped line breaks wherever it runs out of room, inside a string or
			// a URL too (`Basic ${btoa(…)}` split in two, `/3rdpa` / `rty/v1/…`), which misleads; a long
			// line scrolls sideways instead. The copy button copies the lines as they are.
			expressiveCode: { defaultProps: { wrap: false } },
			// Head: names the code blocks that scroll (src/scripts/codeRegionLabels.ts), for axe's
			// landmark-unique and for screen readers.
			components: { Head: './src/components/overrides/Head.astro' },
			social: [{ icon: 'github', label: 'Source on GitHub', href: REPOSITORY.url }],
			// Starlight appends the page's path from the project root (src/content/docs/…).
			editLink: { baseUrl: `${REPOSITORY.url}/edit/${REPOSITORY.branch}/` },
			// From each page's last commit (git log); a checkout without history shows none.
			lastUpdated: true,
			// The site's own 404 page is src/content/docs/404.md (links on, out of search); Starlight's
			// built-in route would conflict with it and look for that entry under another name.
			disable404Route: true,
			// Adds the headings components render from data (Troubleshooting's errors) to "On this page".
			routeMiddleware: './src/site/routeMiddleware.ts',
			customCss: ['./src/styles/custom.css'],
			// Fails the build on dead internal links and anchors.
			plugins: [starlightLinksValidator()],
			sidebar: [
				group('Start here', 'start'),
				group('Concepts', 'concepts'),
				group('Guides', 'guides'),
				group('Reference', 'reference'),
				group('Help', 'help'),
			],
			head: [
				// Other sites get our origin only, never a full page URL.
				{ tag: 'meta', attrs: { name: 'referrer', content: 'strict-origin-when-cross-origin' } },
				// Stop mobile Safari from turning `exp`/`iat` timestamps into phone links.
				{ tag: 'meta', attrs: { name: 'format-detection', content: 'telephone=no' } },
			],
		}),
	],
});
