import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { createMockApi } from '../../../src/mock/createMockApi.ts';
import { faultsOf } from '../../../src/mock/faults/Faults.ts';
import {
	type RunningHttpServer,
	startHttpServer,
} from '../../../src/mock/transports/http/startHttpServer.ts';
import { testClock } from '../../support/testClock.ts';

const api = createMockApi({ clock: testClock() });
const faults = faultsOf(api);
const ISSUE = { method: 'POST', path: '/3rdparty/v1/auth/token' } as const;
let server: RunningHttpServer;

beforeAll(async () => {
	server = await startHttpServer({ api, port: 0 });
});
afterEach(() => faults.clear());
afterAll(() => server.close());

function issue() {
	return fetch(`${server.url}/3rdparty/v1/auth/token`, {
		method: 'POST',
		headers: {
			Authorization: `Basic ${btoa('demo:demo-password')}`,
			'Content-Type': 'application/json',
		},
		body: JSON.stringify({ scopes: ['messages:read'] }),
	});
}
const issued = () => api.log.entries().filter((entry) => entry.response.status === 201).length;

describe('faults over HTTP (startHttpServer)', () => {
	test('lost: the server issues, then the connection drops; the next request is answered', async () => {
		const before = issued();
		faults.arm(ISSUE, { kind: 'lost' });
		await expect(issue()).rejects.toBeInstanceOf(TypeError);
		expect(issued()).toBe(before + 1);
		expect((await issue()).status).toBe(201);
	});

	test('headers, then a hang: the status arrives, the body only when released', async () => {
		const armed = faults.arm(ISSUE, { kind: 'hang', stage: 'body' });
		const response = await issue();
		expect(response.status).toBe(201);
		let read = false;
		const body = response.json().then((value) => ((read = true), value));
		await new Promise((resolve) => setImmediate(resolve));
		expect(read).toBe(false);
		armed.release();
		expect(await body).toHaveProperty('access_token');
	});

	test('resetMidBody: the headers arrive, reading the body fails (TypeError)', async () => {
		faults.arm(ISSUE, { kind: 'resetMidBody' });
		const response = await issue();
		expect(response.status).toBe(201);
		await expect(response.json()).rejects.toBeInstanceOf(TypeError);
	});

	test('truncated: a complete answer by its framing whose JSON is cut (SyntaxError)', async () => {
		faults.arm(ISSUE, { kind: 'truncated' });
		const response = await issue();
		await expect(response.json()).rejects.toBeInstanceOf(SyntaxError);
		expect((await issue()).status).toBe(201); // the connection is fine for the next one
	});

	test('rewrite without a Date: the server adds none back', async () => {
		faults.arm(ISSUE, { kind: 'rewrite', dropDate: true });
		const response = await issue();
		expect(response.headers.get('date')).toBeNull();
		expect(await response.json()).toHaveProperty('access_token');
	});
});
