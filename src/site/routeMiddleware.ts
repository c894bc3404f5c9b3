/**
 * Starlight route middleware: adds the headings a component renders from data to the page's
 * "On this page" list, which Starlight otherwise builds from the MDX's own headings only. The
 * Troubleshooting page lists one heading per error id under its "Errors by status" section.
 */
import { defineRouteMiddleware, type StarlightRouteData } from '@astrojs/starlight/route-data';
import { troubleshootingHeadings } from './reference/troubleshootingHeadings.ts';

/** The page and the section whose entries are generated. */
const TROUBLESHOOTING = { id: 'reference/troubleshooting', section: 'errors-by-status' } as const;

export const onRequest = defineRouteMiddleware((context) => {
	// Starlight sets it on every page it renders (its App.Locals typing lives in a global .d.ts
	// that tsconfig does not load).
	const route = (context.locals as { starlightRoute: StarlightRouteData }).starlightRoute;
	if (route.id !== TROUBLESHOOTING.id || !route.toc) return;
	const section = route.toc.items.find((item) => item.slug === TROUBLESHOOTING.section);
	if (!section) {
		throw new Error(
			`${TROUBLESHOOTING.id}: no "## Errors by status" heading (#${TROUBLESHOOTING.section}) to list the errors under`
		);
	}
	section.children = troubleshootingHeadings().map((heading) => ({
		depth: 3,
		slug: heading.slug,
		text: heading.text,
		children: [],
	}));
});
