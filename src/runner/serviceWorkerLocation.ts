/** Where the mock's service worker script is served and which pages it controls. */
export interface ServiceWorkerLocation {
	/** Path of `mockServiceWorker.js`, under the site's base. */
	url: string;
	/** The registration scope: the site's base, so every docs page is covered and nothing else. */
	scope: string;
}

/**
 * Computes the worker's URL and scope from the site's base path (`import.meta.env.BASE_URL`).
 * Astro gives the base exactly as configured (`/docs`, `/docs/` or `/`), and MSW's default
 * (`/mockServiceWorker.js` at the origin root) would 404 under a base, so both are derived here.
 */
export function serviceWorkerLocation(base: string): ServiceWorkerLocation {
	const trimmed = base.trim().replace(/^\/*/, '/').replace(/\/*$/, '/');
	if (/[?#]/.test(trimmed) || /(^|\/)\.\.?(\/|$)/.test(trimmed)) {
		throw new RangeError(`not a base path: ${JSON.stringify(base)}`);
	}
	return { url: `${trimmed}mockServiceWorker.js`, scope: trimmed };
}
