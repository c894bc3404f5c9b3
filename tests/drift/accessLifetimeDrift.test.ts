/**
 * The contract changes, the site follows: with the access token's lifetime changed from 900 to 600
 * seconds in a copy, the built site states the new value everywhere (prose, the Run panels' clock
 * buttons and stories, the sequence diagram) and the old one nowhere.
 *
 * The same build carries a planted dead internal link: the link check runs after every page is
 * written, so one build (the most expensive step of the planted defects) shows both that the
 * link fails the build and what the pages state. The build must fail on that link alone, with
 * every page written.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createSandbox, type Sandbox } from './plantDefect.ts';

const DEAD_LINK = '/guides/refreshing/';

let sandbox: Sandbox;
let build: { status: number | null; output: string };
let pages: Map<string, string>;

/** Every built page's HTML, by its path under dist/. */
function readPages(dist: string): Map<string, string> {
	const found = new Map<string, string>();
	for (const entry of readdirSync(dist, { recursive: true, encoding: 'utf8' })) {
		if (entry.endsWith('.html')) found.set(entry, readFileSync(join(dist, entry), 'utf8'));
	}
	return found;
}

/** The HTML file each page under src/content/docs/ builds to. */
function expectedPages(docs: string): string[] {
	return readdirSync(docs, { recursive: true, encoding: 'utf8' })
		.filter((entry) => entry.endsWith('.mdx'))
		.map((entry) => entry.replace(/\\/g, '/').replace(/\.mdx$/, ''))
		.map((slug) => (slug === 'index' ? 'index.html' : `${slug}/index.html`));
}

beforeAll(async () => {
	sandbox = createSandbox();
	sandbox.edit('src/mock/contract/lifetimes.ts', 'accessToken: 900,', 'accessToken: 600,');
	sandbox.append(
		'src/content/docs/start/quick-start.mdx',
		`\nSee [the old guide](${DEAD_LINK}).\n`
	);
	build = await sandbox.run('exec', '--', 'astro', 'build');
	pages = readPages(join(sandbox.dir, 'dist'));
}, 240_000);
afterAll(() => sandbox?.remove());

test('a dead internal link: the build fails naming it, and nothing else', () => {
	expect(build.status).not.toBe(0);
	expect(build.output).toContain(DEAD_LINK);
	expect(build.output).toMatch(/Found 1 invalid link in 1 file/);
	const built = [...pages.keys()].map((page) => page.replace(/\\/g, '/'));
	expect(built).toEqual(
		expect.arrayContaining(expectedPages(join(sandbox.dir, 'src/content/docs')))
	);
});

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
