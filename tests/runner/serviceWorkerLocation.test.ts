import { describe, expect, test } from 'vitest';
import { serviceWorkerLocation } from '../../src/runner/serviceWorkerLocation.ts';

describe('serviceWorkerLocation', () => {
	test.each([
		['/', '/mockServiceWorker.js', '/'],
		['', '/mockServiceWorker.js', '/'],
		// Astro's BASE_URL is the configured base as written: no trailing slash for `base: '/docs'`.
		['/docs', '/docs/mockServiceWorker.js', '/docs/'],
		['/docs/', '/docs/mockServiceWorker.js', '/docs/'],
		['docs', '/docs/mockServiceWorker.js', '/docs/'],
		['/a/b//', '/a/b/mockServiceWorker.js', '/a/b/'],
	])('base %j → worker %s, scope %s', (base, url, scope) => {
		expect(serviceWorkerLocation(base)).toEqual({ url, scope });
	});

	test.each(['/docs?x=1', '/docs#top', '/../docs', '/docs/./'])('refuses %j', (base) => {
		expect(() => serviceWorkerLocation(base)).toThrow(RangeError);
	});
});
