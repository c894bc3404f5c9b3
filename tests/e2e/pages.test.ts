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

// The guides are in guidePages.test.ts.
describePages(
	site.origin,
	pages.filter((path) => !isGuide(path)),
	browser
);
