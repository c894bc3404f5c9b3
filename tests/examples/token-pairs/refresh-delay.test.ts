import { expect, test } from 'vitest';
import { refreshDelay } from '../../../examples/token-pairs/refresh-delay.ts';
import { useFakeDate } from '../../support/fakeDate.ts';
import { basic } from '../../support/http.ts';
import { BASE_URL, useMockApi } from '../../support/useMockApi.ts';

const api = useMockApi();
useFakeDate();

async function issue(ttl?: number) {
	const response = await fetch(`${BASE_URL}/3rdparty/v1/auth/token`, {
		method: 'POST',
		headers: { Authorization: basic(), 'Content-Type': 'application/json' },
		body: JSON.stringify(
			ttl === undefined ? { scopes: ['messages:send'] } : { scopes: ['messages:send'], ttl }
		),
	});
	const body = (await response.json()) as { expires_at: string };
	return { response, expiresAt: Date.parse(body.expires_at) };
}

test('a 15-minute token is refreshed 60 s early: after 840,000 ms', async () => {
	const { response, expiresAt } = await issue();
	expect(refreshDelay(response, expiresAt)).toBe(840_000);
	expect(refreshDelay(response, expiresAt, 30)).toBe(870_000);
});

test('asking for an hour still gets 15 minutes (the ttl clamp)', async () => {
	const { response, expiresAt } = await issue(3600);
	expect(refreshDelay(response, expiresAt, 0)).toBe(900_000);
});

test('a server clock 10 minutes ahead of ours changes nothing', async () => {
	api.clock.advance(600);
	const { response, expiresAt } = await issue();
	expect(refreshDelay(response, expiresAt)).toBe(840_000);
	// Comparing with the local clock instead would wait 10 minutes too long.
	expect(expiresAt - Date.now()).toBe(1_500_000);
});

test('a margin longer than the lifetime falls back to half the lifetime', async () => {
	const { response, expiresAt } = await issue(60);
	expect(refreshDelay(response, expiresAt, 60)).toBe(30_000);
});

test('without a Date header the local clock is the only reference', () => {
	const expiresAt = Date.now() + 900_000;
	expect(refreshDelay(new Response(null), expiresAt)).toBe(840_000);
});
