import { getResponse, http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { behaviour } from '../../support/behaviour.ts';
import {
	ApiError,
	createServiceToken,
	type ServiceToken,
} from '../../../examples/service-tokens/create-service-token.ts';
import { CredentialsRejected } from '../../../examples/long-running/with-retries.ts';
import { RenewalJob } from '../../../examples/service-tokens/renewal-job.ts';
import { exchangesTo } from '../../support/exchanges.ts';
import { basic, bearer, call } from '../../support/http.ts';
import { trackInFlight } from '../../support/settle.ts';
import { BASE_URL, DEMO, useMockApi } from '../../support/useMockApi.ts';

const api = useMockApi();
const { settle } = trackInFlight();
const DAY = 86_400;
const HOUR = 3_600;

beforeEach(() => {
	vi.useFakeTimers({
		toFake: ['setTimeout', 'clearTimeout', 'Date'],
		now: new Date('2026-03-14T01:45:00Z'),
	});
});
const jobs: RenewalJob[] = [];
afterEach(() => {
	for (const job of jobs.splice(0)) job.stop();
	vi.useRealTimers();
	vi.restoreAllMocks();
});

async function elapse(seconds: number, step = HOUR) {
	for (let left = seconds; left > 0; left -= step) {
		await vi.advanceTimersByTimeAsync(Math.min(step, left) * 1000);
		await settle();
	}
}
const works = async (token: string) =>
	(await call('GET', '/3rdparty/v1/messages/none', { authorization: bearer(token) })).status ===
	404;
const renewals = () => exchangesTo(api.log.entries(), '/renew');

async function setUp(ttlSeconds = DAY, scopes = ['messages:read']) {
	const first = await createServiceToken({
		baseUrl: BASE_URL,
		...DEMO,
		name: 'report-worker',
		scopes,
		ttl: ttlSeconds,
	});
	const handedOver: ServiceToken[] = [];
	const errors: unknown[] = [];
	const job = new RenewalJob(
		{
			baseUrl: BASE_URL,
			...DEMO,
			ttlSeconds,
			onRenewed: (token) => void handedOver.push(token),
			onError: (error) => errors.push(error),
		},
		first
	);
	jobs.push(job);
	return { first, job, handedOver, errors };
}

describe('RenewalJob', () => {
	test('renews at 80% of the lifetime: same name and scopes, a new id, handed to the service', async () => {
		const { first, job, handedOver } = await setUp();
		job.start();
		await elapse(0.8 * DAY - HOUR);
		expect(handedOver).toHaveLength(0);
		await elapse(HOUR);
		expect(handedOver).toHaveLength(1);
		expect(handedOver[0]).toMatchObject({ name: first.name, scopes: first.scopes });
		expect(handedOver[0]?.id).not.toBe(first.id);
		expect(job.current).toEqual(handedOver[0]);
	});

	test('zero downtime: the old token works until its own expiry, the new one from the start', async () => {
		const { first, job } = await setUp();
		job.start();
		await elapse(0.8 * DAY);
		const second = job.current;
		expect(await works(first.token)).toBe(true);
		expect(await works(second.token)).toBe(true);
		await elapse(0.2 * DAY);
		expect(await works(first.token)).toBe(false);
		expect(await works(second.token)).toBe(true);
	});

	test('a service using job.current never meets a 401 across three lifetimes', async () => {
		const { job } = await setUp();
		job.start();
		for (let hour = 0; hour < 72; hour += 1) {
			expect(await works(job.current.token)).toBe(true);
			await elapse(HOUR);
		}
		expect(renewals().map((exchange) => exchange.response.status)).toEqual([201, 201, 201]);
	});

	test('asking for more than the cap: takes data.max_ttl once, then asks for the cap directly', async () => {
		const { job, handedOver } = await setUp(7 * DAY, ['settings:write']);
		// The job was configured for 30 days; the scopes allow 7.
		const greedy = new RenewalJob(
			{
				baseUrl: BASE_URL,
				...DEMO,
				ttlSeconds: 30 * DAY,
				onRenewed: (token) => void handedOver.push(token),
			},
			job.current
		);
		jobs.push(greedy);
		await greedy.renewNow();
		await greedy.renewNow();
		const bodies = renewals().map((exchange) => JSON.parse(exchange.request.body ?? '{}').ttl);
		expect(bodies).toEqual([30 * DAY, 7 * DAY, 7 * DAY]);
		expect(renewals().map((exchange) => exchange.response.status)).toEqual([400, 201, 201]);
		expect(Date.parse(greedy.current.expires_at) - Date.now()).toBe(7 * DAY * 1000);
	});

	test.each([
		{
			name: 'the account lost a scope (403 missing scopes)',
			arrange: (token: ServiceToken) => {
				api.removeAccountScope('demo', 'messages:read');
				return token;
			},
			status: 403,
			message: /missing scopes: messages:read/,
		},
		{
			name: 'the token is unknown (404)',
			arrange: (token: ServiceToken) => ({ ...token, id: 'no-such-token-000000' }),
			status: 404,
			message: /service token not found/,
		},
	])('stops, and says why, when $name', async ({ arrange, status, message }) => {
		const { first } = await setUp();
		const errors: unknown[] = [];
		const job = new RenewalJob(
			{
				baseUrl: BASE_URL,
				...DEMO,
				ttlSeconds: DAY,
				onRenewed: () => {},
				onError: (error) => errors.push(error),
			},
			arrange(first)
		);
		jobs.push(job);
		job.start();
		await expect(job.renewNow()).rejects.toBeInstanceOf(ApiError);
		expect(errors[0]).toMatchObject({ status });
		expect(String(errors[0])).toMatch(message);
		await elapse(2 * DAY);
		expect(renewals()).toHaveLength(1); // stopped: no retries
	});

	test('a legacy token (no recorded scopes) cannot be renewed: 400, stop', async () => {
		const legacy = await api.seedLegacyServiceToken({
			username: 'demo',
			name: 'old-worker',
			scopes: ['messages:read'],
			ttl: DAY,
		});
		const errors: unknown[] = [];
		const job = new RenewalJob(
			{
				baseUrl: BASE_URL,
				...DEMO,
				ttlSeconds: DAY,
				onRenewed: () => {},
				onError: (error) => errors.push(error),
			},
			legacy
		);
		jobs.push(job);
		job.start();
		await elapse(DAY);
		expect(String(errors[0])).toMatch(/400 token has no recorded scopes; mint a new one/);
		expect(renewals()).toHaveLength(1);
	});

	behaviour('job.5xx', async () => {
		const { first, job, handedOver, errors } = await setUp();
		api.server.use(
			http.post(
				'*/3rdparty/v1/service-tokens/:id/renew',
				() => new HttpResponse(null, { status: 503 }),
				{ once: true }
			)
		);
		job.start();
		await elapse(0.8 * DAY);
		expect(errors).toHaveLength(1);
		expect(await works(first.token)).toBe(true);
		await elapse(60, 10);
		expect(handedOver).toHaveLength(1);
	});

	test('waits months without a timer overflow: a 90-day token is renewed after 72 days, not at once', async () => {
		const { job, handedOver } = await setUp(90 * DAY, ['messages:read']);
		job.start();
		await elapse(30 * DAY, DAY);
		expect(handedOver).toHaveLength(0);
		await elapse(42 * DAY, DAY);
		expect(handedOver).toHaveLength(1);
	});

	test('stop() during a renewal in flight is not undone when the renewal lands', async () => {
		const { job, handedOver } = await setUp();
		job.start();
		const landing = job.renewNow();
		job.stop();
		await landing;
		expect(handedOver).toHaveLength(1);
		await elapse(2 * DAY);
		expect(renewals()).toHaveLength(1);
	});

	behaviour('job.handoff', async () => {
		const { first, job, errors } = await setUp();
		let failures = 2;
		const received: ServiceToken[] = [];
		const flaky = new RenewalJob(
			{
				baseUrl: BASE_URL,
				...DEMO,
				ttlSeconds: DAY,
				onRenewed: (token) => {
					if (failures-- > 0) throw new Error('secret store unavailable');
					received.push(token);
				},
				onError: (error) => errors.push(error),
			},
			first
		);
		jobs.push(flaky);
		job.stop();
		flaky.start();
		await elapse(0.8 * DAY);
		expect(flaky.current.id).toBe(first.id); // the service still uses the old token
		await elapse(180, 60);
		expect(received).toHaveLength(1);
		expect(flaky.current).toEqual(received[0]);
		expect(renewals()).toHaveLength(1);
		expect(errors.map(String)).toEqual(Array(2).fill('Error: secret store unavailable'));
	});

	test('after its first renewal the job times renewals from the token it got, not from the option', async () => {
		const first = await createServiceToken({
			baseUrl: BASE_URL,
			...DEMO,
			name: 'w',
			scopes: ['messages:read'],
			ttl: 10 * DAY,
		});
		// Configured for one-day tokens; the token it starts with happens to live ten days.
		const job = new RenewalJob(
			{ baseUrl: BASE_URL, ...DEMO, ttlSeconds: DAY, onRenewed: () => {} },
			first
		);
		jobs.push(job);
		job.start();
		await elapse(9.8 * DAY, DAY / 10);
		expect(renewals()).toHaveLength(1);
		await elapse(0.8 * DAY - HOUR);
		expect(renewals()).toHaveLength(1);
		await elapse(HOUR);
		expect(renewals()).toHaveLength(2);
	});

	behaviour('job.credentials', async () => {
		const { first } = await setUp();
		const errors: unknown[] = [];
		const job = new RenewalJob(
			{
				baseUrl: BASE_URL,
				...DEMO,
				password: 'wrong',
				ttlSeconds: DAY,
				onRenewed: () => {},
				onError: (error) => errors.push(error),
			},
			first
		);
		jobs.push(job);
		job.start();
		await elapse(3 * DAY);
		expect(renewals().map((exchange) => exchange.response.status)).toEqual([401]);
		expect(errors).toHaveLength(1);
		expect(errors[0]).toBeInstanceOf(CredentialsRejected);
	});

	test('repeated 503s back off: a minute, then two, not a fixed beat', async () => {
		vi.spyOn(Math, 'random').mockReturnValue(0.9999);
		const { job, errors } = await setUp();
		api.server.use(
			http.post(
				'*/3rdparty/v1/service-tokens/:id/renew',
				() => new HttpResponse(null, { status: 503 })
			)
		);
		job.start();
		await elapse(0.8 * DAY);
		expect(errors).toHaveLength(1);
		await elapse(60, 10);
		expect(errors).toHaveLength(2);
		await elapse(110, 10);
		expect(errors).toHaveLength(2);
		await elapse(10, 10);
		expect(errors).toHaveLength(3);
		vi.restoreAllMocks();
	});

	describe('faults the page names', () => {
		const listed = async () =>
			(await call('GET', '/3rdparty/v1/service-tokens', { authorization: basic() })).body as {
				id: string;
				name: string;
			}[];

		behaviour('job.429', async () => {
			const { job, handedOver, errors } = await setUp();
			api.server.use(
				http.post(
					'*/3rdparty/v1/service-tokens/:id/renew',
					() =>
						HttpResponse.json(
							{ error: 'rate_limited', message: 'Too Many Requests', code: 429 },
							{ status: 429, headers: { 'Retry-After': '600' } }
						),
					{ once: true }
				)
			);
			job.start();
			await elapse(0.8 * DAY);
			expect(errors.map(String)).toEqual([expect.stringMatching(/^ApiError: 429/)]);
			await elapse(590, 10);
			expect(handedOver).toHaveLength(0);
			await elapse(20, 10);
			expect(handedOver).toHaveLength(1);
		});

		behaviour('job.unreadable', async () => {
			const { job, handedOver, errors } = await setUp();
			api.server.use(
				http.post(
					'*/3rdparty/v1/service-tokens/:id/renew',
					async ({ request }) => {
						await getResponse(api.handlers, request); // minted; the answer is a proxy's page
						return new HttpResponse('<html>Bad gateway</html>', {
							status: 201,
							headers: { 'Content-Type': 'text/html' },
						});
					},
					{ once: true }
				)
			);
			job.start();
			await elapse(0.8 * DAY);
			expect(errors[0]).toBeInstanceOf(SyntaxError);
			await elapse(HOUR, 60);
			expect(handedOver).toHaveLength(1);
			const ids = (await listed()).map((token) => token.id);
			expect(ids).toHaveLength(2); // the first (still valid until its expiry) and the renewal
			expect(ids).toContain(handedOver[0]?.id);
		});

		behaviour('job.expired', async () => {
			vi.spyOn(Math, 'random').mockReturnValue(0.9999);
			const { job, errors } = await setUp();
			api.server.use(
				http.post('*/3rdparty/v1/service-tokens/:id/renew', async ({ request }) => {
					const answer = await getResponse(api.handlers, request);
					const body = (await answer?.json()) as Record<string, unknown>;
					return HttpResponse.json(
						{ ...body, expires_at: '2020-01-01T00:00:00Z' },
						{ status: 201 }
					);
				})
			);
			job.start();
			await elapse(0.8 * DAY + HOUR, 60);
			expect(errors).toEqual([]);
			// The first, then a minute, two, four, … later: six in the hour, not one per timer tick.
			expect(renewals().length).toBeLessThanOrEqual(7);
		});
	});
});
