/** Where the documentation site is published: astro.config.mjs's `site`, and the OpenAPI document's links to its pages. */
export const SITE_URL = 'https://token-pair-docs.example';
