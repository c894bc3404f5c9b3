import { describe, expect, test } from 'vitest';
import { basic, bearer, call } from '../../support/http.ts';
import { BASE_URL, useMockApi } from '../../support/useMockApi.ts';

const api = useMockApi();
const ISSUE = { method: 'POST', path: '/3rdparty/v1/auth/token' } as const;

function issue() {
	return fetch(`${BASE_URL}/3rdparty/v1/auth/token`, {
		method: 'POST',
		headers: { Authorization: basic(), 'Content-Type': 'application/json' },
		body: JSON.stringify({ scopes: ['messages:read'] }),
	});
}
/** The pairs the server issued, whatever reached the client. */
const issued = () => api.log.entries().filter((entry) => entry.response.status === 201);

describe('faults in-process (msw)', () => {
	test('nothing armed: requests reach the mock unchanged', async () => {
		expect((await issue()).status).toBe(201);
		expect(api.faults.armed).toBe(0);
	});

	test('lost: the server acts, the client gets a network error; only the next request', async () => {
		api.faults.arm(ISSUE, { kind: 'lost' });
		await expect(issue()).rejects.toBeInstanceOf(TypeError);
		expect(issued()).toHaveLength(1);
		expect((await issue()).status).toBe(201);
	});

	test('lost as a 502: a gateway page in place of the answer the server made', async () => {
		api.faults.arm(ISSUE, { kind: 'lost', as: 502 });
		const response = await issue();
		expect(response.status).toBe(502);
		expect(await response.text()).toMatch(/<html>/);
		expect(issued()).toHaveLength(1);
	});

	test('html and rateLimited: the server never sees the request', async () => {
		api.faults.arm(ISSUE, { kind: 'html', status: 503 });
		api.faults.arm(ISSUE, { kind: 'rateLimited', retryAfter: '30' });
		const html = await issue();
		expect([html.status, html.headers.get('content-type')]).toEqual([503, 'text/html']);
		const limited = await issue();
		expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '30']);
		expect(issued()).toHaveLength(0);
	});

	test('a path pattern matches one segment per :name, and times counts the hits', async () => {
		const created = await call('POST', '/3rdparty/v1/service-tokens', {
			authorization: basic(),
			json: { name: 'x', scopes: ['messages:read'] },
		});
		const armed = api.faults.arm(
			{ method: 'POST', path: '/3rdparty/v1/service-tokens/:id/renew', times: 2 },
			{ kind: 'html', status: 502 }
		);
		const renew = () =>
			call('POST', `/3rdparty/v1/service-tokens/${created.body.id}/renew`, {
				authorization: basic(),
				body: '{}',
				headers: { 'Content-Type': 'application/json' },
			}).catch(() => 'not json');
		expect(await renew()).toBe('not json');
		expect(await renew()).toBe('not json');
		expect((await renew()) as { status: number }).toMatchObject({ status: 201 });
		expect(armed.hits).toBe(2);
	});

	test('slow: the answer waits for the test to release it', async () => {
		const armed = api.faults.arm(ISSUE, { kind: 'slow' });
		let settled = false;
		const pending = issue().then((response) => ((settled = true), response));
		await armed.met;
		await new Promise((resolve) => setImmediate(resolve));
		expect(settled).toBe(false);
		armed.release();
		expect((await pending).status).toBe(201);
	});

	test('hang: the client’s own abort ends it', async () => {
		const armed = api.faults.arm(ISSUE, { kind: 'hang' });
		const controller = new AbortController();
		const pending = fetch(`${BASE_URL}/3rdparty/v1/auth/token`, {
			method: 'POST',
			headers: { Authorization: basic(), 'Content-Type': 'application/json' },
			body: JSON.stringify({ scopes: ['messages:read'] }),
			signal: controller.signal,
		});
		// The server acts before the hang: wait for its answer to be logged, so no work of this
		// test's outlives it and lands in the next test's log.
		const acted = new Promise<void>((resolve) => {
			const unsubscribe = api.log.subscribe(() => {
				unsubscribe();
				resolve();
			});
		});
		await armed.met;
		await acted;
		controller.abort();
		await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
		expect(issued()).toHaveLength(1);
	});

	// msw hands fetch a response once its body is complete: in-process, "headers, then a hang"
	// holds the whole answer and a reset mid-body fails the fetch itself. Over HTTP (http.test.ts)
	// the status and headers do arrive first.
	test('headers, then a hang: nothing settles until the test releases it', async () => {
		const armed = api.faults.arm(ISSUE, { kind: 'hang', stage: 'body' });
		let settled = false;
		const pending = issue().then((response) => ((settled = true), response.json()));
		await armed.met;
		await new Promise((resolve) => setImmediate(resolve));
		expect(settled).toBe(false);
		armed.release();
		expect(await pending).toHaveProperty('access_token');
	});

	test('resetMidBody: fails as fetch fails on a reset (TypeError)', async () => {
		api.faults.arm(ISSUE, { kind: 'resetMidBody' });
		await expect(issue().then((response) => response.json())).rejects.toBeInstanceOf(TypeError);
		expect(issued()).toHaveLength(1);
	});

	test('truncated: valid framing, a body that is not JSON (SyntaxError)', async () => {
		api.faults.arm(ISSUE, { kind: 'truncated' });
		const response = await issue();
		expect(response.status).toBe(201);
		await expect(response.json()).rejects.toBeInstanceOf(SyntaxError);
	});

	test('rewrite: a field changed or removed, the Date header dropped', async () => {
		api.faults.arm(ISSUE, {
			kind: 'rewrite',
			body: ({ refresh_token: _, ...rest }) => ({ ...rest, expires_at: '2020-01-01T00:00:00Z' }),
			dropDate: true,
		});
		const response = await issue();
		const body = (await response.json()) as Record<string, unknown>;
		expect(body['expires_at']).toBe('2020-01-01T00:00:00Z');
		expect(body).not.toHaveProperty('refresh_token');
		expect(response.headers.get('date')).toBeNull();
		// The server still issued the real pair: its access token works.
		const read = await call('GET', '/3rdparty/v1/messages/x', {
			authorization: bearer(body['access_token'] as string),
		});
		expect(read.status).toBe(404);
	});
});
