/**
 * Where the site's source lives: the one place the repository is named. The header's repository
 * link, "Edit this page" (astro.config.mjs) and each snippet's "tested" mark link into it; change
 * it here when the repository moves.
 */
export const REPOSITORY = {
	url: 'https://github.com/token-pair/token-pair-docs',
	/** The branch the links point into. */
	branch: 'main',
} as const;

/** The address of a file of the repository (relative to its root) on the hosting site. */
export function repositoryFileUrl(path: string): string {
	return `${REPOSITORY.url}/blob/${REPOSITORY.branch}/${path.replace(/^\/+/, '')}`;
}
