// @ts-check
// The site's own configuration under `base: '/docs'`, for the runner's base-path test.
//
// The pages write internal links without the base (the production site is served at `/`), so
// starlight-links-validator rightly reports them under `/docs`. This build exists to check that
// the runner finds its service worker under a base path, not the links, so the validator is
// dropped after Starlight has registered it.

// Loaded by URL rather than a static import so `tsc` does not follow it into the validator's
// TypeScript sources (tsconfig excludes astro.config.mjs for the same reason).
/** @type {import('astro').AstroUserConfig} */
const config = (await import(new URL('../../../astro.config.mjs', import.meta.url).href)).default;

/** @type {import('astro').AstroIntegration} */
const withoutLinksValidator = {
	name: 'e2e-without-links-validator',
	hooks: {
		'astro:config:setup': ({ config: resolved }) => {
			const index = resolved.integrations.findIndex(
				(integration) => integration.name === 'starlight-links-validator'
			);
			if (index !== -1) resolved.integrations.splice(index, 1);
		},
	},
};

export default {
	...config,
	base: '/docs',
	integrations: [...(config.integrations ?? []), withoutLinksValidator],
};
