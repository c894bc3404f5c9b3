import { getResponse, http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { behaviour } from '../../support/behaviour.ts';
import { TokenDaemon } from '../../../examples/long-running/token-daemon.ts';
import { CredentialsRejected } from '../../../examples/long-running/with-retries.ts';
import type { StoredLogin, TokenStore } from '../../../examples/refresh/token-store.ts';
import { bearerOf, exchangesTo } from '../../support/exchanges.ts';
import { bearer, call } from '../../support/http.ts';
import { trackInFlight } from '../../support/settle.ts';
import { BASE_URL, DEMO, useMockApi } from '../../support/useMockApi.ts';

const api = useMockApi();

beforeEach(() => {
	// Timers and Date are fake; fetch and MSW keep their own (real) scheduling.
	vi.useFakeTimers({
		toFake: ['setTimeout', 'clearTimeout', 'Date'],
		now: new Date('2026-03-14T01:45:00Z'),
	});
	vi.spyOn(Math, 'random').mockReturnValue(0.5);
});
afterEach(() => {
	vi.useRealTimers();
	vi.restoreAllMocks();
});

const daemons: TokenDaemon[] = [];
afterEach(async () => {
	for (const daemon of daemons.splice(0)) await daemon.stop().catch(() => {});
});
function startDaemon(options: Partial<ConstructorParameters<typeof TokenDaemon>[0]> = {}) {
	const errors: unknown[] = [];
	const daemon = new TokenDaemon({
		baseUrl: BASE_URL,
		...DEMO,
		scopes: ['messages:read'],
		onError: (error) => errors.push(error),
		...options,
	});
	daemons.push(daemon);
	return { daemon, errors, started: daemon.start() };
}
const logins = () => exchangesTo(api.log.entries(), '/3rdparty/v1/auth/token', 'POST');
const refreshes = () => exchangesTo(api.log.entries(), '/auth/token/refresh');
const works = async (token: string) =>
	(await call('GET', '/3rdparty/v1/messages/x', { authorization: bearer(token) })).status === 404;
const { settle } = trackInFlight();
/** Moves fake time forward one step at a time, letting fetches settle after each step. */
async function elapse(seconds: number, step = 1) {
	for (let left = seconds; left > 0; left -= step) {
		await vi.advanceTimersByTimeAsync(Math.min(step, left) * 1000);
		await settle();
	}
}

describe('TokenDaemon', () => {
	test('keeps the access token valid for hours with one login and a refresh every 14 minutes', async () => {
		const { daemon, started, errors } = startDaemon();
		await started;
		for (let minute = 0; minute < 120; minute += 1) {
			expect(await works(daemon.accessToken)).toBe(true);
			await elapse(60);
		}
		expect(logins()).toHaveLength(1);
		expect(refreshes()).toHaveLength(8); // minutes 14, 28, … 112
		expect(errors).toEqual([]);
	});

	behaviour('daemon.5xx', async () => {
		const { daemon, started, errors } = startDaemon();
		await started;
		const before = daemon.accessToken;
		let failures = 3;
		api.server.use(
			http.post('*/3rdparty/v1/auth/token/refresh', () =>
				failures-- > 0 ? new HttpResponse(null, { status: 503 }) : undefined
			)
		);
		await elapse(840);
		expect(errors).toHaveLength(1);
		expect(daemon.accessToken).toBe(before); // not cleared on 5xx
		await elapse(1 + 2 + 4); // backoff 0.75 s, 1.5 s, 3 s with Math.random() = 0.5
		expect(errors.map(String)).toEqual(Array(3).fill('ApiError: 503 error'));
		expect(daemon.accessToken).not.toBe(before);
		expect(await works(daemon.accessToken)).toBe(true);
		expect(logins()).toHaveLength(1);
	});

	behaviour('daemon.bounded', async () => {
		const { daemon, started, errors } = startDaemon({ maxAttempts: 3, maxDelayMs: 60_000 });
		await started;
		const lastGood = daemon.accessToken;
		let attempts = 0;
		api.server.use(
			http.post('*/3rdparty/v1/auth/token/refresh', () => {
				attempts += 1;
				return HttpResponse.error();
			})
		);
		await elapse(840 + 10);
		expect(attempts).toBe(3);
		expect(errors).toHaveLength(3);
		expect(daemon.accessToken).toBe(lastGood); // the last good token while it is valid
		await elapse(50);
		expect(attempts).toBe(3); // quiet until maxDelayMs has passed
		// Expired at 900 s: never handed out past its expiry, whatever the outage.
		expect(() => daemon.accessToken).toThrow(/no valid access token/);
		await elapse(20);
		expect(attempts).toBe(6); // the next cycle, again at most maxAttempts
		expect(errors).toHaveLength(6);
	});

	test('refresh answered 401 (reused elsewhere): logs in again and never resends that token', async () => {
		const { daemon, started } = startDaemon();
		await started;
		const stolen = JSON.parse(logins()[0]?.response.body ?? '{}').refresh_token as string;
		await call('POST', '/3rdparty/v1/auth/token/refresh', { authorization: bearer(stolen) });
		await elapse(840);
		expect(logins()).toHaveLength(2);
		expect(await works(daemon.accessToken)).toBe(true);
		await elapse(840);
		expect(
			refreshes()
				.map(bearerOf)
				.filter((token) => token === stolen)
		).toHaveLength(2);
		expect(refreshes().at(-1)?.response.status).toBe(201);
	});

	describe('a refresh response lost after the server rotated', () => {
		function loseNextRefreshResponse() {
			api.server.use(
				http.post(
					'*/3rdparty/v1/auth/token/refresh',
					async ({ request }) => {
						// Let the mock rotate, then drop its answer on the floor.
						const handlers = api.handlers;
						const { getResponse } = await import('msw');
						await getResponse(handlers, request);
						return HttpResponse.error();
					},
					{ once: true }
				)
			);
		}

		test('with an overlap window: the retry gets the same new pair, no new login', async () => {
			api.settings.overlapSeconds = 30;
			const { daemon, started, errors } = startDaemon();
			await started;
			loseNextRefreshResponse();
			await elapse(850);
			expect(errors).toHaveLength(1);
			expect(refreshes().map((exchange) => exchange.response.status)).toEqual([201, 201]);
			expect(logins()).toHaveLength(1);
			expect(await works(daemon.accessToken)).toBe(true);
		});

		behaviour('daemon.lost', async () => {
			const { daemon, started } = startDaemon();
			await started;
			loseNextRefreshResponse();
			await elapse(850);
			expect(refreshes().map((exchange) => exchange.response.status)).toEqual([201, 401]);
			expect(logins()).toHaveLength(2);
			expect(await works(daemon.accessToken)).toBe(true);
			await elapse(850);
			expect(refreshes().at(-1)?.response.status).toBe(201);
		});
	});

	test('stop() during a refresh in flight leaves no working token behind', async () => {
		const { daemon, started } = startDaemon();
		await started;
		const first = daemon.accessToken;
		let release: () => void = () => {};
		let handled: () => void = () => {};
		const done = new Promise<void>((resolve) => (handled = resolve));
		api.server.use(
			http.post(
				'*/3rdparty/v1/auth/token/refresh',
				async ({ request }) => {
					// The server rotates, but the answer is slow to come back.
					const answer = await getResponse(api.handlers, request);
					await new Promise<void>((resolve) => (release = resolve));
					handled();
					return answer;
				},
				{ once: true }
			)
		);
		await elapse(839);
		const logged = new Promise<void>((resolve) => {
			const stop = api.log.subscribe(() => {
				if (exchangesTo(api.log.entries(), '/auth/token/refresh').length === 0) return;
				stop();
				resolve();
			});
		});
		await vi.advanceTimersByTimeAsync(1000); // the refresh goes out; its answer is held back
		await logged;
		const successor = exchangesTo(api.log.entries(), '/auth/token/refresh')[0];
		expect(successor?.response.status).toBe(201);
		await daemon.revoke();
		release();
		await done;
		const rotated = JSON.parse(successor?.response.body ?? '{}').access_token as string;
		expect(await works(first)).toBe(false);
		expect(await works(rotated)).toBe(false);
		expect(logins()).toHaveLength(1);
	});

	test('refresh refused and the login failing too: it keeps the last token, reports, and retries', async () => {
		const { daemon, started, errors } = startDaemon({ maxAttempts: 1 });
		await started;
		const first = daemon.accessToken;
		api.server.use(
			http.post(
				'*/3rdparty/v1/auth/token/refresh',
				() =>
					HttpResponse.json(
						{ error: 'unauthorized', message: 'Unauthorized', code: 401 },
						{ status: 401 }
					),
				{ once: true }
			),
			http.post('*/3rdparty/v1/auth/token', () => new HttpResponse(null, { status: 503 }), {
				once: true,
			})
		);
		await elapse(841);
		expect(errors.map(String)).toEqual([
			expect.stringMatching(/^RefreshRefused/),
			expect.stringMatching(/^ApiError: 503/),
		]);
		expect(daemon.accessToken).toBe(first);
		await elapse(60);
		expect(daemon.accessToken).not.toBe(first);
		expect(await works(daemon.accessToken)).toBe(true);
	});

	test('an onError that throws is contained', async () => {
		const report = vi.spyOn(console, 'error').mockImplementation(() => {});
		const { started } = startDaemon({
			onError: () => {
				throw new Error('pager down');
			},
		});
		await started;
		api.server.use(
			http.post('*/3rdparty/v1/auth/token/refresh', () => new HttpResponse(null, { status: 503 }), {
				once: true,
			})
		);
		await elapse(842);
		expect(report).toHaveBeenCalledWith('TokenDaemon onError threw', expect.any(Error));
		expect(refreshes().at(-1)?.response.status).toBe(201);
	});

	test('a malformed 201 is a failure: nothing half-stored, and the daemon recovers', async () => {
		const { daemon, started, errors } = startDaemon();
		await started;
		const before = daemon.accessToken;
		api.server.use(
			http.post(
				'*/3rdparty/v1/auth/token/refresh',
				() => HttpResponse.json({ access_token: 'half' }, { status: 201 }),
				{
					once: true,
				}
			)
		);
		await elapse(840);
		expect(errors[0]).toBeInstanceOf(TypeError);
		expect(daemon.accessToken).toBe(before);
		await elapse(10);
		expect(await works(daemon.accessToken)).toBe(true);
		// The 201 spent the refresh token, so the recovery was a login, not a resend of it.
		expect(logins()).toHaveLength(2);
		expect(refreshes()).toHaveLength(0);
	});

	test('with the client clock 10 minutes slow it still refreshes before the server expires the token', async () => {
		api.clock.advance(600);
		const { daemon, started } = startDaemon();
		await started;
		for (let minute = 0; minute < 45; minute += 1) {
			expect(await works(daemon.accessToken)).toBe(true);
			await elapse(60);
		}
		expect(refreshes().every((exchange) => exchange.response.status === 201)).toBe(true);
	});

	test('revoke() revokes the pair and stops the timer', async () => {
		const { daemon, started } = startDaemon();
		await started;
		const token = daemon.accessToken;
		await daemon.revoke();
		expect(await works(token)).toBe(false);
		await elapse(3600, 60);
		expect(refreshes()).toHaveLength(0);
		expect(() => daemon.accessToken).toThrow(/no token/);
	});

	describe('wrong credentials are terminal', () => {
		test('at start: rejects with CredentialsRejected after one login attempt, no retries', async () => {
			const { started, errors } = startDaemon({ password: 'wrong' });
			await expect(started).rejects.toBeInstanceOf(CredentialsRejected);
			await elapse(600, 10);
			expect(logins().map((exchange) => exchange.response.status)).toEqual([401]);
			expect(errors).toEqual([]); // start() itself reports, by rejecting
		});

		behaviour('daemon.credentials', async () => {
			const { daemon, started, errors } = startDaemon();
			await started;
			let attempts = 0;
			api.server.use(
				http.post('*/3rdparty/v1/auth/token/refresh', () =>
					HttpResponse.json({ message: 'Unauthorized', code: 401 }, { status: 401 })
				),
				http.post('*/3rdparty/v1/auth/token', () => {
					attempts += 1;
					return HttpResponse.json({ message: 'Unauthorized', code: 401 }, { status: 401 });
				})
			);
			await elapse(840);
			await elapse(3600, 60);
			expect(attempts).toBe(1);
			expect(errors.map((error) => (error as Error).name)).toEqual([
				'RefreshRefused',
				'CredentialsRejected',
			]);
			expect(() => daemon.accessToken).toThrow(CredentialsRejected);
		});

		test('a 5xx on the login is retried with backoff; the retry that succeeds resumes', async () => {
			let failures = 2;
			api.server.use(
				http.post('*/3rdparty/v1/auth/token', () =>
					failures-- > 0 ? new HttpResponse(null, { status: 502 }) : undefined
				)
			);
			const { daemon, started, errors } = startDaemon();
			await elapse(5);
			await started;
			expect(errors.map(String)).toEqual(['ApiError: 502 error', 'ApiError: 502 error']);
			expect(await works(daemon.accessToken)).toBe(true);
		});
	});

	describe('with a store: restarts', () => {
		/** A TokenStore in memory that can fail its next write, as a full disk would. */
		function memoryStore() {
			let kept: StoredLogin | undefined;
			const store = {
				failNextSave: false,
				async load() {
					return kept;
				},
				async save(login: StoredLogin) {
					if (store.failNextSave) {
						store.failNextSave = false;
						throw new Error('disk full');
					}
					kept = login;
				},
				async clear() {
					kept = undefined;
				},
				get kept() {
					return kept;
				},
			};
			return store satisfies TokenStore;
		}

		test('a restart carries on with the stored login: no second login', async () => {
			const store = memoryStore();
			const first = startDaemon({ store });
			await first.started;
			await elapse(840);
			expect(store.kept?.refreshToken).toBe(
				JSON.parse(refreshes()[0]?.response.body ?? '{}').refresh_token
			);
			const second = startDaemon({ store }); // the process restarted; the old one is gone
			await second.started;
			expect(await works(second.daemon.accessToken)).toBe(true);
			expect(logins()).toHaveLength(1);
			expect(refreshes().map((exchange) => exchange.response.status)).toEqual([201, 201]);
		});

		test('a failed write is reported, the daemon keeps going, and the next refresh writes', async () => {
			const store = memoryStore();
			const { daemon, started, errors } = startDaemon({ store });
			await started;
			const stale = store.kept;
			store.failNextSave = true;
			await elapse(840);
			expect(String(errors[0])).toBe('Error: disk full');
			expect(store.kept).toEqual(stale);
			expect(await works(daemon.accessToken)).toBe(true);
			await elapse(840);
			expect(store.kept?.refreshToken).not.toBe(stale?.refreshToken);
		});

		test('a crash before the write: the restart meets the spent token (401) and logs in once', async () => {
			const store = memoryStore();
			const { started } = startDaemon({ store });
			await started;
			store.failNextSave = true;
			await elapse(840); // rotated; the store still holds the spent refresh token
			const restarted = startDaemon({ store });
			await restarted.started;
			expect(await works(restarted.daemon.accessToken)).toBe(true);
			expect(refreshes().map((exchange) => exchange.response.status)).toEqual([201, 401]);
			expect(logins()).toHaveLength(2);
		});

		test('revoke() clears the store and revokes the login: the next start logs in afresh', async () => {
			const store = memoryStore();
			const { daemon, started } = startDaemon({ store });
			await started;
			const token = daemon.accessToken;
			await daemon.revoke();
			expect(store.kept).toBeUndefined();
			expect(await works(token)).toBe(false);
		});

		behaviour('daemon.restart', async () => {
			const store = memoryStore();
			const first = startDaemon({ store });
			await first.started;
			const token = first.daemon.accessToken;
			await first.daemon.stop();
			expect(store.kept).toBeDefined();
			expect(await works(token)).toBe(true);
			const second = startDaemon({ store });
			await second.started;
			expect(await works(second.daemon.accessToken)).toBe(true);
			expect(logins()).toHaveLength(1);
		});

		behaviour('daemon.refused', async () => {
			const store = memoryStore();
			const refused: unknown[] = [];
			const { daemon, started, errors } = startDaemon({
				store,
				onRefreshRefused: (event) => refused.push(event),
			});
			await started;
			const loginId = store.kept?.loginId;
			// The thief copies the stored refresh token and refreshes first.
			const stolen = await call('POST', '/3rdparty/v1/auth/token/refresh', {
				authorization: bearer(store.kept?.refreshToken ?? ''),
			});
			const thief = stolen.body as { access_token: string; refresh_token: string };
			await elapse(841);
			expect(refused).toEqual([{ loginId }]);
			expect(errors.map((error) => (error as Error).name)).toEqual(['RefreshRefused']);
			expect(await works(thief.access_token)).toBe(false);
			const again = await call('POST', '/3rdparty/v1/auth/token/refresh', {
				authorization: bearer(thief.refresh_token),
			});
			expect(again.status).toBe(401);
			expect(await works(daemon.accessToken)).toBe(true);
			expect(store.kept?.loginId).not.toBe(loginId);
		});
	});

	describe('faults the page names', () => {
		behaviour('daemon.invalidate', async () => {
			const { daemon, started } = startDaemon();
			await started;
			const refusedToken = daemon.accessToken;
			await Promise.all(Array.from({ length: 5 }, () => daemon.invalidate(refusedToken)));
			expect(refreshes()).toHaveLength(1);
			expect(daemon.accessToken).not.toBe(refusedToken);
			expect(await works(daemon.accessToken)).toBe(true);
		});

		behaviour('daemon.429', async () => {
			const { daemon, started, errors } = startDaemon();
			await started;
			api.server.use(
				http.post(
					'*/3rdparty/v1/auth/token/refresh',
					() =>
						HttpResponse.json(
							{ error: 'rate_limited', message: 'Too Many Requests', code: 429 },
							{ status: 429, headers: { 'Retry-After': '20' } }
						),
					{ once: true }
				)
			);
			await elapse(840);
			expect(errors.map(String)).toEqual([expect.stringMatching(/^ApiError: 429/)]);
			await elapse(19);
			expect(refreshes()).toHaveLength(0);
			await elapse(2);
			expect(refreshes().map((exchange) => exchange.response.status)).toEqual([201]);
			expect(await works(daemon.accessToken)).toBe(true);
		});

		behaviour('daemon.unreadable', async () => {
			const { daemon, started, errors } = startDaemon();
			await started;
			const before = daemon.accessToken;
			api.server.use(
				http.post(
					'*/3rdparty/v1/auth/token/refresh',
					async ({ request }) => {
						await getResponse(api.handlers, request); // the server rotated
						return new HttpResponse('<html>Bad gateway</html>', {
							status: 201,
							headers: { 'Content-Type': 'text/html' },
						});
					},
					{ once: true }
				)
			);
			await elapse(841);
			expect(errors[0]).toBeInstanceOf(SyntaxError);
			await elapse(5);
			expect(logins()).toHaveLength(2);
			expect(await works(daemon.accessToken)).toBe(true);
			expect(await works(before)).toBe(false); // the lost pair's login is revoked
		});

		behaviour('daemon.hang', async () => {
			// AbortSignal.timeout on the test's clock, like every other timer here.
			vi.spyOn(AbortSignal, 'timeout').mockImplementation((ms) => {
				const controller = new AbortController();
				setTimeout(() => controller.abort(new DOMException('timed out', 'TimeoutError')), ms);
				return controller.signal;
			});
			const { daemon, started, errors } = startDaemon();
			await started;
			const before = daemon.accessToken;
			const hung = api.faults.arm(
				{ method: 'POST', path: '/3rdparty/v1/auth/token/refresh' },
				{ kind: 'hang' }
			);
			await elapse(839);
			// Step without `settle`, which would wait for the hung request forever.
			await vi.advanceTimersByTimeAsync(1000);
			await hung.met;
			expect(errors).toEqual([]); // still waiting
			for (let second = 0; second < 12; second += 1) {
				await vi.advanceTimersByTimeAsync(1000);
				await new Promise((resolve) => setImmediate(resolve));
			}
			await elapse(2);
			expect(errors[0]).toMatchObject({ name: 'TimeoutError' });
			expect(logins()).toHaveLength(2);
			expect(await works(daemon.accessToken)).toBe(true);
			expect(await works(before)).toBe(false); // the hung refresh's login, revoked
		});

		behaviour('daemon.reset', async () => {
			const { daemon, started, errors } = startDaemon();
			await started;
			api.faults.arm(
				{ method: 'POST', path: '/3rdparty/v1/auth/token/refresh' },
				{ kind: 'resetMidBody' }
			);
			await elapse(841);
			expect(errors[0]).toBeInstanceOf(TypeError);
			await elapse(5);
			expect(logins()).toHaveLength(2);
			expect(await works(daemon.accessToken)).toBe(true);
		});

		behaviour('daemon.expired', async () => {
			const { started } = startDaemon();
			await started;
			api.server.use(
				http.post('*/3rdparty/v1/auth/token/refresh', async ({ request }) => {
					const answer = await getResponse(api.handlers, request);
					const body = (await answer?.json()) as Record<string, unknown>;
					return HttpResponse.json(
						{ ...body, expires_at: '2020-01-01T00:00:00Z' },
						{ status: 201, headers: { Date: new Date(Date.now()).toUTCString() } }
					);
				})
			);
			await elapse(840 + 60);
			// Backoff from the floor up (0.75 s, 1.5 s, 3 s, …): a handful, not hundreds.
			expect(refreshes().length).toBeLessThanOrEqual(8);
		});
	});
});
