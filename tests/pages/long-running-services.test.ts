/**
 * Long-running services: the overlap window helps with a lost refresh response only if it outlasts
 * the daemon's wait before it retries: its request timeout, then its first backoff delay. A window
 * of a few seconds does not cover a response that never came.
 */
import { getResponse, http, HttpResponse } from 'msw';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import {
	DAEMON_DEFAULTS,
	TIMEOUT_MS,
	TokenDaemon,
} from '../../examples/long-running/token-daemon.ts';
import { LIFETIMES } from '../../src/mock/contract/lifetimes.ts';
import { exchangesTo } from '../support/exchanges.ts';
import { trackInFlight } from '../support/settle.ts';
import { BASE_URL, DEMO, useMockApi } from '../support/useMockApi.ts';

const api = useMockApi();
const { settle } = trackInFlight();

beforeEach(() => {
	vi.useFakeTimers({
		toFake: ['setTimeout', 'clearTimeout', 'Date'],
		now: new Date('2026-03-14T01:45:00Z'),
	});
	vi.spyOn(Math, 'random').mockReturnValue(0.5);
});
const daemons: TokenDaemon[] = [];
afterEach(async () => {
	for (const daemon of daemons.splice(0)) await daemon.stop().catch(() => {});
	vi.useRealTimers();
	vi.restoreAllMocks();
});

async function elapse(seconds: number) {
	for (let left = seconds; left > 0; left -= 1) {
		await vi.advanceTimersByTimeAsync(1000);
		await settle();
	}
}

/**
 * The next refresh reaches the server, which rotates, but its answer never arrives: the daemon
 * learns that only when its request times out. The clock moves by that timeout meanwhile.
 */
function hangNextRefresh() {
	api.server.use(
		http.post(
			'*/3rdparty/v1/auth/token/refresh',
			async ({ request }) => {
				await getResponse(api.handlers, request);
				vi.setSystemTime(Date.now() + TIMEOUT_MS);
				return HttpResponse.error();
			},
			{ once: true }
		)
	);
}

const refreshStatuses = () =>
	exchangesTo(api.log.entries(), '/auth/token/refresh').map((exchange) => exchange.response.status);
const logins = () => exchangesTo(api.log.entries(), '/3rdparty/v1/auth/token', 'POST');
/** Until just after the daemon's first scheduled refresh and its retry. */
const firstRefreshAndRetry = LIFETIMES.accessToken - DAEMON_DEFAULTS.marginSeconds + 10;

async function runWithOverlap(overlapSeconds: number) {
	api.settings.overlapSeconds = overlapSeconds;
	const daemon = new TokenDaemon({
		baseUrl: BASE_URL,
		...DEMO,
		scopes: ['messages:read'],
		onError: () => {},
	});
	daemons.push(daemon);
	await daemon.start();
	hangNextRefresh();
	await elapse(firstRefreshAndRetry);
}

test('a window of a few seconds does not cover a timed-out refresh: the retry is reuse', async () => {
	await runWithOverlap(5);
	expect(refreshStatuses().slice(0, 2)).toEqual([201, 401]);
	expect(logins()).toHaveLength(2);
});

test('a window longer than the timeout plus the first backoff returns the same new pair', async () => {
	await runWithOverlap(TIMEOUT_MS / 1000 + DAEMON_DEFAULTS.baseDelayMs / 1000);
	expect(refreshStatuses().slice(0, 2)).toEqual([201, 201]);
	expect(logins()).toHaveLength(1);
});
