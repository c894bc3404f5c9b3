/**
 * The contract changes, the site follows: with the access token's lifetime changed from 900 to 600
 * seconds in a copy, the built site states the new value everywhere (prose, the Run panels' clock
 * buttons and stories, the sequence diagram) and the old one nowhere.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createSandbox, type Sandbox } from './plantDefect.ts';

let sandbox: Sandbox;
let pages: Map<string, string>;

/** Every built page's HTML, by its path under dist/. */
function readPages(dist: string): Map<string, string> {
	const found = new Map<string, string>();
	for (const entry of readdirSync(dist, { recursive: true, encoding: 'utf8' })) {
		if (entry.endsWith('.html')) found.set(entry, readFileSync(join(dist, entry), 'utf8'));
	}
	return found;
}

beforeAll(async () => {
	sandbox = createSandbox();
	sandbox.edit('src/mock/contract/lifetimes.ts', 'accessToken: 900,', 'accessToken: 600,');
	const build = await sandbox.run('exec', '--', 'astro', 'build');
	expect(build.status, build.output).toBe(0);
	pages = readPages(join(sandbox.dir, 'dist'));
}, 240_000);
afterAll(() => sandbox?.remove());

const STALE = [
	/\b15 minutes\b/,
	/\b15-minute\b/,
	/\b900 s\b/,
	/\b900 seconds\b/,
	/\+15 min\b/,
	/\+14 min\b/,
	/now \+ 15 min/,
];

test('no page states the old lifetime', () => {
	const stale = [...pages].flatMap(([page, html]) =>
		STALE.filter((pattern) => pattern.test(html)).map((pattern) => `${page}: ${String(pattern)}`)
	);
	expect(stale).toEqual([]);
});

test('the pages, the clock buttons, the stories and the diagram state the new one', () => {
	const page = (path: string) => pages.get(path) ?? '';
	expect(page('concepts/token-pairs/index.html')).toContain('10 minutes');
	expect(page('concepts/token-pairs/index.html')).toContain('600 s');
	expect(page('index.html')).toContain('every 10 minutes');
	expect(page('guides/browser-apps/index.html')).toContain('Access token (10 minutes)');
	// Clock buttons: one lifetime, and into the token manager's margin before it.
	expect(page('start/quick-start/index.html')).toContain('+10 min');
	expect(page('start/quick-start/index.html')).toContain('+9 min');
	expect(page('guides/refresh-and-rotation/index.html')).toContain('now + 10 min');
	expect(page('start/quick-start/index.html')).toContain('10 minutes after the clock’s now');
});
