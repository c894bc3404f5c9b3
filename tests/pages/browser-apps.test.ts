/**
 * Behaviours the "Browser apps" page claims that the session client's own tests do not show.
 */
import { expect, test } from 'vitest';
import { createBrowser } from '../support/browserTab.ts';
import { BASE_URL, DEMO, useMockApi } from '../support/useMockApi.ts';

useMockApi();

test('two uncoordinated tabs refreshing at once with the one cookie lose the whole session', async () => {
	const browser = createBrowser();
	await browser.fetch(`${BASE_URL}/auth/login`, {
		method: 'POST',
		credentials: 'include',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify(DEMO),
	});
	const refreshTab = () =>
		browser.fetch(`${BASE_URL}/auth/refresh`, {
			method: 'POST',
			credentials: 'include',
			headers: { 'X-CSRF': '1' },
		});
	const [one, two] = await Promise.all([refreshTab(), refreshTab()]);
	expect([one.status, two.status].sort()).toEqual([200, 401]);
	// The winner's brand-new cookie is dead too: the reuse revoked the whole family.
	const winner = [one, two].find((response) => response.status === 200);
	const rotated = winner?.headers.getSetCookie()[0]?.split(';')[0] ?? '';
	expect(rotated).toMatch(/^refresh_token=.+/);
	const retry = await fetch(`${BASE_URL}/auth/refresh`, {
		method: 'POST',
		headers: { Cookie: rotated, 'X-CSRF': '1' },
	});
	expect(retry.status).toBe(401);
});
