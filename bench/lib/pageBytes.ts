import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';

/** Bytes a page downloaded, by kind of resource. */
export interface PageBytes {
	/** Decoded body bytes per kind (`document`, `script`, `stylesheet`, `font`, `image`, `other`). */
	raw: Record<string, number>;
	/** The same bodies gzipped (level 9): roughly what a server with compression sends. */
	gzip: Record<string, number>;
	/** Every response: path, kind, decoded bytes. */
	files: { path: string; kind: string; bytes: number }[];
}

const KINDS = new Set(['document', 'script', 'stylesheet', 'font', 'image']);

/**
 * Loads `url` in a fresh context and sums what came over the network until it was idle,
 * optionally after `interact` (e.g. pressing Run). Service-worker-relayed mock calls are fetches,
 * counted under `other`.
 */
export async function pageBytes(
	browser: Browser,
	url: string,
	interact?: (page: Page) => Promise<void>
): Promise<PageBytes> {
	const context = await browser.newContext();
	const page = await context.newPage();
	const pending: Promise<void>[] = [];
	const files: PageBytes['files'] = [];
	const gzip: Record<string, number> = {};
	const raw: Record<string, number> = {};
	page.on('response', (response) => {
		pending.push(
			response.body().then(
				(body) => {
					const type = response.request().resourceType();
					const kind = KINDS.has(type) ? type : 'other';
					files.push({ path: new URL(response.url()).pathname, kind, bytes: body.length });
					raw[kind] = (raw[kind] ?? 0) + body.length;
					gzip[kind] = (gzip[kind] ?? 0) + gzipSync(body, { level: 9 }).length;
				},
				() => undefined // redirects and aborted requests have no body
			)
		);
	});
	try {
		await page.goto(url, { waitUntil: 'networkidle' });
		if (interact) {
			await interact(page);
			await page.waitForLoadState('networkidle');
		}
		await Promise.all(pending);
	} finally {
		await context.close();
	}
	files.sort((a, b) => a.path.localeCompare(b.path));
	return { raw, gzip, files };
}

/** The sum of every kind except the HTML document. */
export function nonHtml(bytes: Record<string, number>): number {
	return Object.entries(bytes)
		.filter(([kind]) => kind !== 'document')
		.reduce((sum, [, value]) => sum + value, 0);
}
