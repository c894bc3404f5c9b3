/**
 * Behaviours the "Browser apps" page claims that the session client's own tests do not show.
 */
import { expect, test } from 'vitest';
import { SessionClient } from '../../examples/browser-apps/session-client.ts';
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

test('the CSRF header stops other sites, not script on the origin: any code there refreshes with it', async () => {
	const browser = createBrowser();
	const app = new SessionClient({
		baseUrl: BASE_URL,
		fetch: browser.fetch,
		indexedDB: null,
	});
	await app.login(DEMO.username, DEMO.password);
	const refresh = (headers: Record<string, string>) =>
		browser.fetch(`${BASE_URL}/auth/refresh`, { method: 'POST', credentials: 'include', headers });

	// What a cross-site form can send: the cookie (where SameSite lets it), no custom header.
	expect((await refresh({})).status).toBe(403);
	// Injected script on the app's origin: the same cookie, and the header, like the app's code.
	const injected = await refresh({ 'X-CSRF': '1' });
	expect(injected.status).toBe(200);
	expect(await injected.json()).toMatchObject({ access_token: expect.any(String) });
	app.dispose();
});
