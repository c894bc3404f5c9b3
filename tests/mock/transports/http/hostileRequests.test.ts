/**
 * The HTTP transport under requests a parser lets through but a URL cannot hold, and under
 * pipelining with a malformed request behind valid ones: the contract's 4xx with its error body,
 * never a 5xx, and every answer in order (RFC 9112 §9.3.2).
 */
import { connect } from 'node:net';
import { http } from 'msw';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { ErrorResponse } from '../../../../src/mock/contract/schemas.ts';
import { errorBody } from '../../../../src/mock/contract/errors.ts';
import { createMockApi } from '../../../../src/mock/createMockApi.ts';
import {
	type RunningHttpServer,
	startHttpServer,
} from '../../../../src/mock/transports/http/startHttpServer.ts';
import { testClock } from '../../../support/testClock.ts';
import { rawRequest } from './rawRequest.ts';

const api = createMockApi({ clock: testClock() });
let server: RunningHttpServer;
beforeAll(async () => {
	server = await startHttpServer({ api, port: 0 });
});
afterAll(() => server.close());

const JWKS = '/3rdparty/v1/auth/jwks';

describe('a Host a URL cannot hold is 400 with the error body, on every kind of path', () => {
	const hosts = ['a.1', 'x:99999', '999.1.1.1', '[1.2.3.4]', '1.2.3.4.5', '0x1ffffffff'];
	const paths = [JWKS, '/3rdparty/v1/auth/token', '/auth/login', '/nothing', '/__mock/reset'];
	test.each(hosts.flatMap((host) => paths.map((path) => ({ host, path }))))(
		'Host: $host on $path',
		async ({ host, path }) => {
			const result = await rawRequest(server.url, [
				`GET ${path} HTTP/1.1\r\nHost: ${host}\r\n\r\n`,
			]);
			expect(result.status).toBe(400);
			expect(JSON.parse(result.body)).toEqual(errorBody('badRequest'));
		}
	);

	test.each(['localhost', 'localhost:8787', '127.0.0.1:1', '[::1]:8787', 'api.example', 'x'])(
		'Host: %s is served',
		async (host) => {
			const result = await rawRequest(server.url, [
				`GET ${JWKS} HTTP/1.1\r\nHost: ${host}\r\n\r\n`,
			]);
			expect(result.status).toBe(200);
		}
	);

	test.each([
		['an asterisk-form target', `OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n`],
		['a relative target', `GET auth/jwks HTTP/1.1\r\nHost: x\r\n\r\n`],
		[
			'an absolute target of another scheme',
			`GET ftp://x/3rdparty/v1/auth/jwks HTTP/1.1\r\nHost: x\r\n\r\n`,
		],
	])('%s is 400 with the error body', async (_name, bytes) => {
		const result = await rawRequest(server.url, [bytes]);
		expect(result.status).toBe(400);
		expect(JSON.parse(result.body)).toEqual(errorBody('badRequest'));
	});
});

/** Every answer on one connection, in the order it arrived, until the server closes it. */
function pipeline(bytes: string): Promise<{ status: number; body: string }[]> {
	const { port, hostname } = new URL(server.url);
	return new Promise((resolve, reject) => {
		const socket = connect(Number(port), hostname);
		const received: Buffer[] = [];
		socket.on('data', (data) => received.push(data));
		socket.on('error', reject);
		socket.on('close', () => resolve(splitAnswers(Buffer.concat(received).toString('latin1'))));
		socket.on('connect', () => socket.write(bytes));
	});
}

/** Splits a stream of `Content-Length`-framed answers (every answer this server makes). */
function splitAnswers(text: string): { status: number; body: string }[] {
	const answers: { status: number; body: string }[] = [];
	let rest = text;
	while (rest.length > 0) {
		const split = rest.indexOf('\r\n\r\n');
		if (split === -1) throw new Error(`a truncated answer: ${rest}`);
		const head = rest.slice(0, split);
		const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]);
		const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? 0);
		answers.push({ status, body: rest.slice(split + 4, split + 4 + length) });
		rest = rest.slice(split + 4 + length);
	}
	return answers;
}

describe('a malformed request pipelined behind valid ones', () => {
	test.each([
		['a bad header line', 'GET / HTTP/1.1\r\nHost: x\r\nNo colon here\r\n\r\n'],
		['a malformed request line', 'GET\r\n\r\n'],
		[
			'a header block over the limit',
			`GET / HTTP/1.1\r\nHost: x\r\nX: ${'a'.repeat(20_000)}\r\n\r\n`,
		],
	])('%s: the valid answers come first, in order, then the error', async (_name, malformed) => {
		const valid = `GET ${JWKS} HTTP/1.1\r\nHost: x\r\n\r\n`;
		const answers = await pipeline(valid + valid + malformed);
		expect(answers.map((answer) => answer.status)).toEqual([
			200,
			200,
			malformed.includes('X: aaa') ? 431 : 400,
		]);
		expect(JSON.parse(answers[0]!.body)).toHaveProperty('keys');
		expect(ErrorResponse.parse(JSON.parse(answers[2]!.body)).error).toMatch(/^[a-z_]+$/);
	});

	test('a pipelined refresh spends its token, and its answer (the new pair) still arrives', async () => {
		const issued = await fetch(`${server.url}/3rdparty/v1/auth/token`, {
			method: 'POST',
			headers: {
				Authorization: `Basic ${btoa('demo:demo-password')}`,
				'Content-Type': 'application/json',
			},
			body: JSON.stringify({ scopes: ['messages:read'] }),
		});
		const { refresh_token } = (await issued.json()) as { refresh_token: string };
		const refresh = `POST /3rdparty/v1/auth/token/refresh HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${refresh_token}\r\nContent-Length: 0\r\n\r\n`;
		const answers = await pipeline(`${refresh}GET\r\n\r\n`);
		expect(answers.map((answer) => answer.status)).toEqual([201, 400]);
		expect(JSON.parse(answers[0]!.body)).toHaveProperty('refresh_token');
	});
});

describe('the catch-all 500, for a bug of the bridge itself', () => {
	test('carries the error body with an error id, CORS and the mock’s Date', async () => {
		const base = createMockApi({ clock: testClock() });
		// A handler that answers something that is not a Response: the bridge fails on it.
		const broken = { ...base, handlers: [http.all('*', () => 'not a response' as never)] };
		const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
		const bridge = await startHttpServer({ api: broken, port: 0 });
		try {
			const response = await fetch(`${bridge.url}${JWKS}`);
			expect(response.status).toBe(500);
			expect(await response.json()).toEqual({
				error: 'internal_server_error',
				message: 'Internal Server Error',
				code: 500,
			});
			expect(response.headers.get('access-control-allow-origin')).toBe('*');
			expect(response.headers.get('date')).toBe(new Date(base.clock.now()).toUTCString());
			expect(errors).toHaveBeenCalled();
		} finally {
			errors.mockRestore();
			await bridge.close();
		}
	});
});
