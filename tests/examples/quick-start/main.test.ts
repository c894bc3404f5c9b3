import { afterEach, expect, test, vi } from 'vitest';
import { main } from '../../../examples/quick-start/main.ts';
import { exchangesTo } from '../../support/exchanges.ts';
import { BASE_URL, DEMO, useMockApi } from '../../support/useMockApi.ts';

const api = useMockApi();
afterEach(() => vi.restoreAllMocks());

test('main issues, sends, refreshes, reading the API settings from the environment', async () => {
	const log = vi.spyOn(console, 'log').mockImplementation(() => {});
	const pair = await main({
		API_BASE_URL: BASE_URL,
		API_USERNAME: DEMO.username,
		API_PASSWORD: DEMO.password,
	});

	expect(log).toHaveBeenCalledTimes(3);
	expect(String(log.mock.calls[1]?.[0])).toMatch(/is Pending$/);
	const statuses = api.log.entries().map((entry) => entry.response.status);
	expect(statuses).toEqual([201, 202, 201]);
	expect(exchangesTo(api.log.entries(), '/auth/token/refresh')[0]?.response.body).toContain(
		pair.refresh_token
	);
});

test('main refuses to start without its settings', async () => {
	await expect(main({ API_BASE_URL: BASE_URL })).rejects.toThrow(/API_USERNAME/);
	expect(api.log.entries()).toHaveLength(0);
});

test('a wrong password stops main at the first request: no retry, nothing sent after it', async () => {
	await expect(
		main({ API_BASE_URL: BASE_URL, API_USERNAME: DEMO.username, API_PASSWORD: 'wrong' })
	).rejects.toThrow(/401/);
	expect(api.log.entries().map((entry) => entry.response.status)).toEqual([401]);
});
