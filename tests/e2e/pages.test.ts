import { expect, inject, test } from 'vitest';
import { COLOUR_RULES, seriousViolations, UNCOUNTABLE_RULES } from './support/axe.ts';
import { useBrowser, withContext } from './support/browser.ts';
import { describePages, isGuide } from './support/describePages.ts';
import { sitePages } from './support/sitePages.ts';

const site = inject('site');
const browser = useBrowser();
const pages = sitePages(site.dist, site.base, 'https://token-pair-docs.example');

test('the build has the pages the docs link to', () => {
	expect(pages).toEqual(
		expect.arrayContaining(['/', '/start/quick-start/', '/guides/refresh-and-rotation/'])
	);
});

test('no rule that can find a serious or critical violation is skipped', () => {
	expect(UNCOUNTABLE_RULES).toContain('region');
	for (const rule of [
		...COLOUR_RULES,
		'button-name',
		'image-alt',
		'label',
		'aria-valid-attr-value',
	])
		expect(UNCOUNTABLE_RULES).not.toContain(rule);
});

test('the dark theme’s colour rules catch text that fades into its background', async () => {
	await withContext(browser(), 'dark', async (context) => {
		const page = await context.newPage();
		await page.goto(`${site.origin}/`);
		await page.addStyleTag({ content: 'main p { color: #23262f !important; }' });
		const found = await seriousViolations(page, { rules: COLOUR_RULES });
		expect(found.map((violation) => violation.id)).toContain('color-contrast');
	});
});

test('axe still reaches into a same-origin frame, and refuses a page with a foreign one', async () => {
	await withContext(browser(), 'light', async (context) => {
		const page = await context.newPage();
		await page.goto(`${site.origin}/`);
		const frameLoaded = (attributes: string) =>
			page.evaluate(
				(html) =>
					new Promise((resolve) => {
						const holder = document.createElement('div');
						holder.innerHTML = html;
						const frame = holder.firstElementChild as HTMLIFrameElement;
						frame.addEventListener('load', resolve, { once: true });
						document.querySelector('main')?.append(frame);
					}),
				`<iframe title="planted" ${attributes}></iframe>`
			);
		await frameLoaded(`srcdoc="<img src='${site.origin}/favicon.svg'>"`);
		const found = await seriousViolations(page);
		expect(found.map((violation) => violation.id)).toContain('image-alt');

		// The same server under another host name is another origin.
		await frameLoaded(`src="${site.origin.replace('//localhost:', '//127.0.0.1:')}/"`);
		await expect(seriousViolations(page)).rejects.toThrow(/frame from another origin/);
	});
});

// The guides are in guidePages.test.ts.
describePages(
	site.origin,
	pages.filter((path) => !isGuide(path)),
	browser
);
