import { expect, inject, test } from 'vitest';
import { useBrowser } from './support/browser.ts';
import { describePages, isGuide } from './support/describePages.ts';
import { sitePages } from './support/sitePages.ts';

const site = inject('site');
const browser = useBrowser();
// The rest of the pages are in pages.test.ts: the two files split the longest suite in two.
const guides = sitePages(site.dist, site.base, 'https://token-pair-docs.example').filter(isGuide);

test('the build has the guides', () => {
	expect(guides).toEqual(expect.arrayContaining(['/guides/refresh-and-rotation/']));
});

describePages(site.origin, guides, browser);
