import { getResponse, http, HttpResponse } from 'msw';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { behaviour } from '../../support/behaviour.ts';
import { CredentialsRejected } from '../../../examples/long-running/with-retries.ts';
import { TokenManager } from '../../../examples/refresh/token-manager.ts';
import type { StoredLogin, TokenStore } from '../../../examples/refresh/token-store.ts';
import { bearerOf, exchangesTo } from '../../support/exchanges.ts';
import { advance, useFakeDate } from '../../support/fakeDate.ts';
import { bearer, call } from '../../support/http.ts';
import { recordingFetch } from '../../support/readAnswers.ts';
import { BASE_URL, DEMO, useMockApi } from '../../support/useMockApi.ts';

const api = useMockApi();
useFakeDate();
afterEach(() => {
	vi.restoreAllMocks();
});

const manager = (marginSeconds?: number) =>
	new TokenManager({
		baseUrl: BASE_URL,
		...DEMO,
		scopes: ['messages:send', 'messages:read'],
		...(marginSeconds === undefined ? {} : { marginSeconds }),
	});
const issued = () => exchangesTo(api.log.entries(), '/3rdparty/v1/auth/token', 'POST');
const refreshes = () => exchangesTo(api.log.entries(), '/auth/token/refresh');
const accepted = async (token: string) =>
	(await call('GET', '/3rdparty/v1/messages/none', { authorization: bearer(token) })).status ===
	404;

describe('TokenManager', () => {
	test('authenticates once, then hands out the same token while it is valid', async () => {
		const tokens = manager();
		const first = await tokens.getAccessToken();
		advance(839);
		expect(await tokens.getAccessToken()).toBe(first);
		expect(issued()).toHaveLength(1);
		expect(refreshes()).toHaveLength(0);
		expect(await accepted(first)).toBe(true);
	});

	test('refreshes 60 s before expiry and keeps the rotated refresh token', async () => {
		const tokens = manager();
		const first = await tokens.getAccessToken();
		advance(840);
		const second = await tokens.getAccessToken();
		advance(840);
		const third = await tokens.getAccessToken();

		expect(new Set([first, second, third]).size).toBe(3);
		expect(refreshes().map((exchange) => exchange.response.status)).toEqual([201, 201]);
		const [one, two] = refreshes().map(bearerOf);
		expect(one).not.toBe(two);
		expect(await accepted(third)).toBe(true);
	});

	behaviour('manager.concurrent', async () => {
		{
			const callers = 50;
			const tokens = manager();
			await tokens.getAccessToken();
			advance(900);
			const results = await Promise.all(
				Array.from({ length: callers }, () => tokens.getAccessToken())
			);
			expect(new Set(results).size).toBe(1);
			expect(refreshes()).toHaveLength(1);
			expect(await accepted(results[0]!)).toBe(true);
		}
	});

	test('when refresh answers 401 it re-authenticates and never sends that refresh token again', async () => {
		const answers = recordingFetch(globalThis.fetch);
		vi.spyOn(globalThis, 'fetch').mockImplementation(answers.fetch);
		const tokens = manager();
		await tokens.getAccessToken();
		const stolen = JSON.parse(issued()[0]?.response.body ?? '{}').refresh_token as string;
		// Someone else spends the refresh token first, so the manager's attempt is reuse: 401.
		await call('POST', '/3rdparty/v1/auth/token/refresh', { authorization: bearer(stolen) });
		advance(840);

		const token = await tokens.getAccessToken();
		expect(await accepted(token)).toBe(true);
		expect(refreshes().map((exchange) => exchange.response.status)).toEqual([201, 401]);
		expect(issued()).toHaveLength(2);
		// The refusal was read to its end, so the request's timeout cannot cut it off later.
		expect(answers.unread()).toEqual([]);

		advance(840);
		await tokens.getAccessToken();
		const sent = refreshes().map(bearerOf);
		expect(sent.filter((token) => token === stolen)).toHaveLength(2); // the thief's and the manager's one try
		expect(sent[2]).not.toBe(stolen);
		expect(refreshes()[2]?.response.status).toBe(201);
	});

	behaviour('manager.5xx', async () => {
		vi.spyOn(Math, 'random').mockReturnValue(0.9999); // the pause's jitter at its longest: 5 s
		const tokens = manager();
		const first = await tokens.getAccessToken();
		advance(840);
		api.server.use(
			http.post('*/3rdparty/v1/auth/token/refresh', () => new HttpResponse(null, { status: 503 }), {
				once: true,
			})
		);
		expect(await tokens.getAccessToken()).toBe(first); // 60 s of life left: keep using it
		advance(4);
		expect(await tokens.getAccessToken()).toBe(first); // no new attempt within 5 s
		expect(refreshes()).toHaveLength(0); // the override answered the one attempt, not the mock
		advance(1);
		const second = await tokens.getAccessToken();
		expect(second).not.toBe(first);
		expect(await accepted(second)).toBe(true);
		expect(issued()).toHaveLength(1);
	});

	test('refresh failing past expiry is an error: an expired token is never handed out', async () => {
		const tokens = manager();
		await tokens.getAccessToken();
		advance(900);
		api.server.use(
			http.post('*/3rdparty/v1/auth/token/refresh', () => new HttpResponse(null, { status: 503 }))
		);
		await expect(tokens.getAccessToken()).rejects.toThrow(/^503/);
	});

	behaviour('manager.unreadable', async () => {
		const tokens = manager();
		const first = await tokens.getAccessToken();
		const spent = JSON.parse(issued()[0]?.response.body ?? '{}').refresh_token as string;
		advance(840);
		let attempts = 0;
		api.server.use(
			http.post('*/3rdparty/v1/auth/token/refresh', () => {
				attempts += 1;
				return HttpResponse.json({ access_token: 'half' }, { status: 201 });
			})
		);
		expect(await tokens.getAccessToken()).toBe(first); // the old pair, whole; not 'half'
		advance(5);
		const next = await tokens.getAccessToken();
		expect(next).not.toBe('half');
		expect(next).not.toBe(first);
		expect(await accepted(next)).toBe(true);
		expect(attempts).toBe(1); // the spent token went out once, never again
		expect(issued()).toHaveLength(2); // recovered by logging in again
		expect(refreshes().map(bearerOf)).not.toContain(spent);
	});

	test('with the client clock 10 minutes slow it still refreshes before the server expires the token', async () => {
		api.clock.advance(600);
		const tokens = manager();
		for (let minute = 0; minute < 60; minute += 1) {
			const token = await tokens.getAccessToken();
			expect(await accepted(token)).toBe(true);
			advance(60);
		}
		expect(refreshes().every((exchange) => exchange.response.status === 201)).toBe(true);
		expect(refreshes().length).toBeGreaterThanOrEqual(4);
	});

	test('revoke ends the whole login: the current and the older, still-unexpired access tokens', async () => {
		const tokens = manager();
		const first = await tokens.getAccessToken();
		advance(840);
		const second = await tokens.getAccessToken();
		await tokens.revoke();
		expect(await accepted(first)).toBe(false);
		expect(await accepted(second)).toBe(false);
		expect(
			exchangesTo(api.log.entries(), '', 'DELETE').map((exchange) => exchange.response.status)
		).toEqual([204]);
		await expect(tokens.getAccessToken()).rejects.toThrow(/stopped/);
		await tokens.revoke(); // nothing left: sends nothing
		expect(exchangesTo(api.log.entries(), '', 'DELETE')).toHaveLength(1);
	});

	test('revoke during a refresh in flight waits for it and revokes what it brought', async () => {
		const tokens = manager();
		await tokens.getAccessToken();
		advance(840);
		const inFlight = tokens.getAccessToken();
		await tokens.revoke();
		const landed = await inFlight;
		expect(await accepted(landed)).toBe(false);
	});

	behaviour('manager.credentials', async () => {
		const tokens = new TokenManager({
			baseUrl: BASE_URL,
			...DEMO,
			password: 'wrong',
			scopes: ['messages:send'],
		});
		await expect(tokens.getAccessToken()).rejects.toBeInstanceOf(CredentialsRejected);
		await expect(tokens.getAccessToken()).rejects.toThrow(
			/refused the account credentials \(401\)/
		);
		expect(issued().map((exchange) => exchange.response.status)).toEqual([401]);
	});

	test('a password changed mid-life: the refresh refused, the login refused, then silence', async () => {
		const tokens = manager();
		await tokens.getAccessToken();
		advance(30 * 86_400); // the refresh token has expired too
		let logins = 0;
		api.server.use(
			http.post('*/3rdparty/v1/auth/token', () => {
				logins += 1;
				return HttpResponse.json({ message: 'Unauthorized', code: 401 }, { status: 401 });
			})
		);
		await expect(tokens.getAccessToken()).rejects.toBeInstanceOf(CredentialsRejected);
		await expect(tokens.getAccessToken()).rejects.toBeInstanceOf(CredentialsRejected);
		expect(logins).toBe(1);
		expect(refreshes().map((exchange) => exchange.response.status)).toEqual([401]);
	});

	test('a 400 on the login (an unknown scope) is an error, not a credentials problem', async () => {
		const tokens = new TokenManager({ baseUrl: BASE_URL, ...DEMO, scopes: ['no:such-scope'] });
		const error = await tokens.getAccessToken().catch((caught: unknown) => caught);
		expect(error).toMatchObject({ status: 400 });
		expect(error).not.toBeInstanceOf(CredentialsRejected);
		expect(issued()).toHaveLength(1);
	});

	describe('faults the page names', () => {
		const unavailable = () =>
			http.post('*/3rdparty/v1/auth/token/refresh', () => new HttpResponse(null, { status: 503 }), {
				once: true,
			});
		const keptStore = () => {
			const store = {
				kept: undefined as StoredLogin | undefined,
				async load() {
					return store.kept;
				},
				async save(login: StoredLogin) {
					store.kept = login;
				},
				async clear() {
					store.kept = undefined;
				},
			};
			return store satisfies TokenStore;
		};

		behaviour('manager.concurrentFailure', async () => {
			vi.spyOn(Math, 'random').mockReturnValue(0.9999); // each pause at its longest
			const tokens = manager();
			const first = await tokens.getAccessToken();
			advance(840);
			api.server.use(unavailable());
			const results = await Promise.all(Array.from({ length: 20 }, () => tokens.getAccessToken()));
			expect(new Set(results)).toEqual(new Set([first]));
			advance(5); // one failure: 2.5–5 s
			const next = await tokens.getAccessToken();
			expect(next).not.toBe(first);
			expect(await accepted(next)).toBe(true);
		});

		behaviour('manager.neverExpired', async () => {
			vi.spyOn(Math, 'random').mockReturnValue(0.9999);
			const tokens = manager();
			const first = await tokens.getAccessToken();
			advance(895); // 5 s of life left
			api.server.use(unavailable(), unavailable(), unavailable());
			for (let round = 0; round < 3; round += 1) {
				await Promise.all(Array.from({ length: 10 }, () => tokens.getAccessToken()));
			}
			advance(6); // expired now
			const after = await tokens.getAccessToken().catch((error: unknown) => error);
			expect(after).not.toBe(first);
		});

		behaviour('manager.429', async () => {
			const tokens = manager();
			const first = await tokens.getAccessToken();
			advance(840);
			api.server.use(
				http.post(
					'*/3rdparty/v1/auth/token/refresh',
					() =>
						HttpResponse.json(
							{ error: 'rate_limited', message: 'Too Many Requests', code: 429 },
							{ status: 429, headers: { 'Retry-After': '30' } }
						),
					{ once: true }
				)
			);
			expect(await tokens.getAccessToken()).toBe(first);
			advance(29);
			expect(await tokens.getAccessToken()).toBe(first);
			expect(refreshes()).toHaveLength(0);
			advance(1);
			expect(await tokens.getAccessToken()).not.toBe(first);
			expect(refreshes()).toHaveLength(1);
		});

		behaviour('manager.expired', async () => {
			const tokens = manager();
			await tokens.getAccessToken();
			advance(900);
			api.server.use(
				http.post('*/3rdparty/v1/auth/token/refresh', async ({ request }) => {
					const answer = await getResponse(api.handlers, request);
					const body = (await answer?.json()) as Record<string, unknown>;
					return HttpResponse.json(
						{ ...body, expires_at: '2020-01-01T00:00:00Z' },
						{ status: 201 }
					);
				})
			);
			for (let call = 0; call < 50; call += 1) {
				await expect(tokens.getAccessToken()).rejects.toThrow(/expired/);
			}
			expect(refreshes()).toHaveLength(1);
		});

		behaviour('manager.truncated', async () => {
			const tokens = manager();
			const first = await tokens.getAccessToken();
			const spent = JSON.parse(issued()[0]?.response.body ?? '{}').refresh_token as string;
			advance(840);
			api.faults.arm(
				{ method: 'POST', path: '/3rdparty/v1/auth/token/refresh' },
				{ kind: 'truncated' }
			);
			expect(await tokens.getAccessToken()).toBe(first);
			advance(5);
			const next = await tokens.getAccessToken();
			expect(await accepted(next)).toBe(true);
			expect(issued()).toHaveLength(2);
			expect(
				refreshes()
					.map(bearerOf)
					.filter((token) => token === spent)
			).toHaveLength(1);
		});

		behaviour('manager.refused', async () => {
			const store = keptStore();
			const refused: unknown[] = [];
			const errors: unknown[] = [];
			const tokens = new TokenManager({
				baseUrl: BASE_URL,
				...DEMO,
				scopes: ['messages:send', 'messages:read'],
				store,
				onRefreshRefused: (event) => refused.push(event),
				onError: (error) => errors.push(error),
			});
			await tokens.getAccessToken();
			const loginId = store.kept?.loginId;
			const thief = (
				await call('POST', '/3rdparty/v1/auth/token/refresh', {
					authorization: bearer(store.kept?.refreshToken ?? ''),
				})
			).body as { access_token: string; refresh_token: string };
			advance(840);
			const token = await tokens.getAccessToken();
			expect(refused).toEqual([{ loginId }]);
			expect(errors).toHaveLength(1);
			expect(await accepted(thief.access_token)).toBe(false);
			expect(
				(
					await call('POST', '/3rdparty/v1/auth/token/refresh', {
						authorization: bearer(thief.refresh_token),
					})
				).status
			).toBe(401);
			expect(await accepted(token)).toBe(true);
			expect(store.kept?.loginId).not.toBe(loginId);
		});

		behaviour('manager.lost', async () => {
			const tokens = manager();
			await tokens.getAccessToken();
			advance(840);
			let lost: { access_token: string } | undefined;
			api.server.use(
				http.post(
					'*/3rdparty/v1/auth/token/refresh',
					async ({ request }) => {
						lost = (await (await getResponse(api.handlers, request))?.json()) as typeof lost;
						return HttpResponse.error();
					},
					{ once: true }
				)
			);
			await tokens.getAccessToken(); // the current token; the failure is retried later
			advance(5);
			const token = await tokens.getAccessToken();
			expect(await accepted(token)).toBe(true);
			expect(await accepted(lost?.access_token ?? '')).toBe(false);
		});

		behaviour('manager.restart', async () => {
			const store = keptStore();
			const options = {
				baseUrl: BASE_URL,
				...DEMO,
				scopes: ['messages:send', 'messages:read'],
				store,
			};
			const first = new TokenManager(options);
			const token = await first.getAccessToken();
			await first.stop();
			await expect(first.getAccessToken()).rejects.toThrow(/stopped/);
			expect(store.kept).toBeDefined();
			expect(await accepted(token)).toBe(true);
			const second = new TokenManager(options);
			const carried = await second.getAccessToken();
			expect(await accepted(carried)).toBe(true);
			expect(issued()).toHaveLength(1);
			await second.revoke();
			expect(store.kept).toBeUndefined();
			expect(await accepted(carried)).toBe(false);
		});
	});
});
