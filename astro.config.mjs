// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import starlightLinksValidator from 'starlight-links-validator';

export default defineConfig({
	site: 'https://token-pair-docs.example',
	integrations: [
		starlight({
			title: 'Token Pair API',
			plugins: [starlightLinksValidator()],
		}),
	],
});
