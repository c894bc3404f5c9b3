import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ErrorResponse, TokenPairResponse } from '../../../../src/mock/contract/schemas.ts';
import { Clock } from '../../../../src/mock/clock/Clock.ts';
import { createMockApi } from '../../../../src/mock/createMockApi.ts';
import { MAX_BODY_BYTES } from '../../../../src/mock/http/readJsonBody.ts';
import {
	startHttpServer,
	type HttpExchange,
	type RunningHttpServer,
} from '../../../../src/mock/transports/http/startHttpServer.ts';
import { type RawResponse, rawRequest } from './rawRequest.ts';
import { testClock } from '../../../support/testClock.ts';

const api = createMockApi({ clock: testClock() });
const exchanges: HttpExchange[] = [];
let server: RunningHttpServer;
const basic = `Basic ${btoa('demo:demo-password')}`;

beforeAll(async () => {
	server = await startHttpServer({
		api,
		port: 0,
		timeouts: { headers: 400, request: 1500, check: 100 },
		onExchange: (exchange) => exchanges.push(exchange),
	});
});
afterAll(() => server.close());

function send(path: string, init: RequestInit = {}) {
	return fetch(`${server.url}${path}`, init);
}

async function issue(scopes: string[] = ['messages:send']) {
	const response = await send('/3rdparty/v1/auth/token', {
		method: 'POST',
		headers: { Authorization: basic, 'Content-Type': 'application/json' },
		body: JSON.stringify({ scopes }),
	});
	return { response, body: (await response.json()) as Record<string, string> };
}

/** The server still answers a normal request: the check after every hostile one. */
async function expectAlive() {
	const response = await send('/3rdparty/v1/auth/jwks');
	expect(response.status).toBe(200);
}

describe('the MSW handlers over real HTTP', () => {
	test('listens on 127.0.0.1 with the port it was given (0: a free one)', () => {
		expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		expect(server.port).toBeGreaterThan(0);
	});

	test('issues a token pair exactly as the contract says', async () => {
		const { response, body } = await issue();
		expect(response.status).toBe(201);
		expect(response.headers.get('cache-control')).toBe('no-store');
		expect(TokenPairResponse.safeParse(body).success).toBe(true);
	});

	test('a token issued over HTTP works over HTTP, and rotation is single-use', async () => {
		const { body } = await issue(['messages:send']);
		const refresh = () =>
			send('/3rdparty/v1/auth/token/refresh', {
				method: 'POST',
				headers: { Authorization: `Bearer ${body['refresh_token']}` },
			});
		expect((await refresh()).status).toBe(201);
		const replay = await refresh();
		expect(replay.status).toBe(401);
		expect(replay.headers.get('www-authenticate')).toBe('Bearer');
		expect(await replay.json()).toEqual({
			error: 'unauthorized',
			message: 'Unauthorized',
			code: 401,
		});
	});

	test('keeps the handlers’ Date (the mock clock), not the wall clock', async () => {
		const before = Date.parse((await send('/3rdparty/v1/auth/jwks')).headers.get('date') ?? '');
		api.clock.advance(86_400);
		try {
			const after = Date.parse((await send('/3rdparty/v1/auth/jwks')).headers.get('date') ?? '');
			expect(after - before).toBeGreaterThanOrEqual(86_400_000);
			expect(after - before).toBeLessThan(86_400_000 + 60_000);
		} finally {
			api.reset();
		}
	});

	test('passes every Set-Cookie through (the session endpoints)', async () => {
		const response = await send('/auth/login', {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ username: 'demo', password: 'demo-password' }),
		});
		expect(response.status).toBe(200);
		expect(response.headers.getSetCookie()).toEqual([
			expect.stringMatching(
				/^refresh_token=[\w.-]+; HttpOnly; Secure; SameSite=Strict; Path=\/auth/
			),
		]);
	});

	test('a wrong method is the handlers’ 405 with Allow', async () => {
		const response = await send('/3rdparty/v1/auth/token', { method: 'PUT' });
		expect(response.status).toBe(405);
		expect(response.headers.get('allow')).toBe('POST');
		expect(await response.json()).toEqual({
			error: 'method_not_allowed',
			message: 'Method Not Allowed',
			code: 405,
		});
	});

	test('HEAD gets the GET’s status and headers, and no body', async () => {
		const get = await send('/3rdparty/v1/auth/jwks');
		const head = await send('/3rdparty/v1/auth/jwks', { method: 'HEAD' });
		expect(head.status).toBe(200);
		expect(await head.text()).toBe('');
		for (const name of ['content-type', 'cache-control', 'content-length']) {
			expect(head.headers.get(name), name).toBe(get.headers.get(name));
		}
	});

	test('HEAD is refused as the GET would be: 401 with the challenge, no body', async () => {
		const head = await send('/3rdparty/v1/service-tokens', { method: 'HEAD' });
		expect(head.status).toBe(401);
		expect(head.headers.get('www-authenticate')).toBe('Bearer');
		expect(await head.text()).toBe('');
	});

	test('a POST-only path answers HEAD 405, and GET paths list HEAD in Allow', async () => {
		const head = await send('/3rdparty/v1/auth/token', { method: 'HEAD' });
		expect(head.status).toBe(405);
		expect(head.headers.get('allow')).toBe('POST');
		const put = await send('/3rdparty/v1/auth/jwks', { method: 'PUT' });
		expect(put.headers.get('allow')).toBe('GET, HEAD');
	});

	test.each(['/', '/nothing', '/3rdparty', '/auth/nothing', '/favicon.ico', '//evil.example/x'])(
		'%s, which no handler answers, is 404 with the error body',
		async (path) => {
			const response = await send(path);
			expect(response.status).toBe(404);
			expect(await response.json()).toEqual({
				error: 'not_found',
				message: 'Not Found',
				code: 404,
			});
		}
	);

	test('TRACE, which Fetch cannot carry, is 405', async () => {
		const result = await rawRequest(server.url, [
			'TRACE /3rdparty/v1/auth/jwks HTTP/1.1\r\nHost: x\r\n\r\n',
		]);
		expect(result.status).toBe(405);
		expect(JSON.parse(result.body)).toEqual({
			error: 'method_not_allowed',
			message: 'Method Not Allowed',
			code: 405,
		});
		await expectAlive();
	});

	test('reports each answered exchange to onExchange', async () => {
		exchanges.length = 0;
		await send('/3rdparty/v1/messages', { method: 'POST' });
		expect(exchanges).toEqual([{ method: 'POST', path: '/3rdparty/v1/messages', status: 401 }]);
	});
});

describe('CORS', () => {
	test('answers a preflight from any origin with the methods and headers the API uses', async () => {
		const response = await send('/3rdparty/v1/auth/token', {
			method: 'OPTIONS',
			headers: {
				Origin: 'https://hoppscotch.io',
				'Access-Control-Request-Method': 'POST',
				'Access-Control-Request-Headers': 'authorization, content-type',
			},
		});
		expect(response.status).toBe(204);
		expect(response.headers.get('access-control-allow-origin')).toBe('*');
		expect(response.headers.get('access-control-allow-methods')).toBe('DELETE, GET, POST');
		expect(response.headers.get('access-control-allow-headers')).toBe(
			'Authorization, Content-Type, X-CSRF'
		);
		// Never with credentials: the session cookie must not ride a cross-origin request.
		expect(response.headers.get('access-control-allow-credentials')).toBeNull();
	});

	test('every response, errors included, carries Allow-Origin and exposes Date', async () => {
		for (const response of [await send('/3rdparty/v1/auth/jwks'), await send('/nowhere')]) {
			expect(response.headers.get('access-control-allow-origin')).toBe('*');
			expect(response.headers.get('access-control-expose-headers')).toContain('Date');
		}
	});

	test('an OPTIONS that is not a preflight goes to the handlers (405)', async () => {
		const response = await send('/3rdparty/v1/auth/token', { method: 'OPTIONS' });
		expect(response.status).toBe(405);
	});
});

describe('hostile input: always a 4xx in the error shape, and the server keeps serving', () => {
	const tokenPath = '/3rdparty/v1/auth/token';

	test('bad JSON is the contract’s 400', async () => {
		const response = await send(tokenPath, {
			method: 'POST',
			headers: { Authorization: basic, 'Content-Type': 'application/json' },
			body: '{"scopes": [',
		});
		expect(response.status).toBe(400);
		expect(await response.json()).toEqual({
			error: 'invalid_body',
			message: 'invalid params: body must be a JSON object',
			code: 400,
			data: { field: 'body' },
		});
	});

	test('a declared body over the cap is 413 before a byte of it is read', async () => {
		const result = await rawRequest(server.url, [
			`POST ${tokenPath} HTTP/1.1\r\nHost: x\r\nAuthorization: ${basic}\r\n` +
				`Content-Length: ${MAX_BODY_BYTES * 1000}\r\n\r\n{"scopes":`,
		]);
		expect(result.status).toBe(413);
		expect(JSON.parse(result.body)).toEqual({
			error: 'payload_too_large',
			message: 'Payload Too Large',
			code: 413,
		});
		expect(result.headers['connection']).toBe('close');
		await expectAlive();
	});

	test('a chunked body that grows past the cap is 413 while it streams', async () => {
		const chunk = 'x'.repeat(16 * 1024);
		const chunked = `${chunk.length.toString(16)}\r\n${chunk}\r\n`;
		const result = await rawRequest(
			server.url,
			[
				`POST ${tokenPath} HTTP/1.1\r\nHost: x\r\nAuthorization: ${basic}\r\n` +
					'Transfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\n',
				...Array.from({ length: 64 }, () => chunked),
			],
			{ pauseMs: 1 }
		);
		expect(result.status).toBe(413);
		expect(JSON.parse(result.body)).toEqual({
			error: 'payload_too_large',
			message: 'Payload Too Large',
			code: 413,
		});
		await expectAlive();
	});

	test('a body of exactly the cap is read and judged by the handler (here: not JSON, 400)', async () => {
		const response = await send(tokenPath, {
			method: 'POST',
			headers: { Authorization: basic, 'Content-Type': 'application/json' },
			body: ' '.repeat(MAX_BODY_BYTES),
		});
		expect(response.status).toBe(400);
	});

	test('Expect: 100-continue with a body over the cap gets 413 instead of 100', async () => {
		const result = await rawRequest(server.url, [
			`POST ${tokenPath} HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n` +
				`Content-Length: ${MAX_BODY_BYTES + 1}\r\n\r\n`,
		]);
		expect(result.status).toBe(413);
		await expectAlive();
	});

	test('a header block over Node’s limit is 431 in the error shape', async () => {
		const response = await send('/3rdparty/v1/auth/jwks', {
			headers: { 'X-Padding': 'a'.repeat(64 * 1024) },
		});
		expect(response.status).toBe(431);
		expect(ErrorResponse.parse(await response.json())).toEqual({
			error: 'headers_too_large',
			message: 'Request Header Fields Too Large',
			code: 431,
		});
		await expectAlive();
	});

	test('a huge Authorization header is 431, not a crash', async () => {
		const response = await send('/3rdparty/v1/messages', {
			method: 'POST',
			headers: { Authorization: `Bearer ${'A'.repeat(100_000)}` },
		});
		expect(response.status).toBe(431);
		await expectAlive();
	});

	test.each([
		['a request line that is not HTTP', 'GARBAGE\r\n\r\n'],
		['a header without a colon', 'GET / HTTP/1.1\r\nHost x\r\n\r\n'],
		['a control character in a header', 'GET / HTTP/1.1\r\nHost: x\r\nX-A: a\u0001b\r\n\r\n'],
		['a bad chunk size', 'POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n'],
		[
			'both Content-Length and chunked',
			'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
		],
	])('%s is 400 in the error shape', async (_name, bytes) => {
		const result = await rawRequest(server.url, [bytes]);
		expect(result.status).toBe(400);
		expect(JSON.parse(result.body)).toEqual({
			error: 'bad_request',
			message: 'Bad Request',
			code: 400,
		});
		await expectAlive();
	});

	test('a client that aborts mid-body is dropped quietly', async () => {
		exchanges.length = 0;
		await rawRequest(
			server.url,
			[`POST ${tokenPath} HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{"sco`],
			{ waitMs: 100 }
		);
		// The abort reached the server before this request was even sent: by the time it is
		// answered, an exchange for the aborted one would have been reported.
		await expectAlive();
		expect(exchanges).toEqual([{ method: 'GET', path: '/3rdparty/v1/auth/jwks', status: 200 }]);
	});

	test('a client that never finishes its headers gets 408 and the connection closed', async () => {
		const result = await rawRequest(
			server.url,
			['GET /3rdparty/v1/auth/jwks HTTP/1.1\r\nHost: x\r\n'],
			{ untilClosed: true }
		);
		expect(result.status).toBe(408);
		// Closed by the server: the client would only have given up after 5 s.
		expect(result.closed).toBe(true);
		await expectAlive();
	});

	test('a client that dribbles its body past the request timeout is cut off', async () => {
		const result = await rawRequest(
			server.url,
			[
				`POST ${tokenPath} HTTP/1.1\r\nHost: x\r\nContent-Length: 40\r\n\r\n`,
				...Array.from({ length: 40 }, () => ' '),
			],
			{ pauseMs: 100, untilClosed: true }
		);
		expect(result.closed).toBe(true);
		expect(result.status === 0 || (result.status >= 400 && result.status < 500)).toBe(true);
		await expectAlive();
	});

	test('a hundred concurrent requests all get their answer', async () => {
		const statuses = await Promise.all(
			Array.from({ length: 100 }, () => send('/3rdparty/v1/auth/jwks').then((r) => r.status))
		);
		expect(new Set(statuses)).toEqual(new Set([200]));
	});
});

describe('close()', () => {
	test('lets a request in flight finish, then refuses new connections', async () => {
		const local = await startHttpServer({ api: createMockApi({ clock: testClock() }), port: 0 });
		const body = '{"scopes":["messages:send"]}';
		const socket = connect(local.port, '127.0.0.1');
		const received: Buffer[] = [];
		socket.on('data', (data) => received.push(data));
		const ended = new Promise((resolve) => socket.on('close', resolve));
		// The server's `100 Continue` says it has the headers and the request is in flight; the
		// body follows only after close() was called.
		const continued = new Promise((resolve) => socket.once('data', resolve));
		socket.write(
			`POST /3rdparty/v1/auth/token HTTP/1.1\r\nHost: x\r\nAuthorization: ${basic}\r\n` +
				`Content-Type: application/json\r\nContent-Length: ${body.length}\r\n` +
				'Expect: 100-continue\r\n\r\n'
		);
		await continued;
		const closed = local.close();
		socket.write(body);
		await ended;
		const answer = Buffer.concat(received).toString('latin1');
		expect(answer).toMatch(/^HTTP\/1\.1 100 Continue\r\n\r\nHTTP\/1\.1 201 /);
		await closed;
		await expect(fetch(`${local.url}/3rdparty/v1/auth/jwks`)).rejects.toThrow();
		// Idempotent: a second close resolves too.
		await local.close();
	});
});

describe('errors the server answers itself carry the error body, CORS and the mock’s Date', () => {
	const jwks = '/3rdparty/v1/auth/jwks';
	// A frozen clock far from the wall clock's: a wall-clock Date would be caught, none can tick.
	const FROZEN = Date.parse('2031-06-01T12:00:00Z');
	let frozen: RunningHttpServer;
	beforeAll(async () => {
		const clock = new Clock(() => FROZEN);
		frozen = await startHttpServer({ api: createMockApi({ clock }), port: 0 });
	});
	afterAll(() => frozen.close());

	/** The parts every such answer must have, whatever its status. */
	function expectContractError(result: RawResponse, status: number) {
		expect(result.status).toBe(status);
		expect(ErrorResponse.parse(JSON.parse(result.body))).toMatchObject({ code: status });
		expect(result.headers['access-control-allow-origin']).toBe('*');
		expect(result.headers['date']).toBe(new Date(FROZEN).toUTCString());
	}

	test.each([
		['no Host', `GET ${jwks} HTTP/1.1\r\n\r\n`, 400],
		['two Host headers', `GET ${jwks} HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n`, 400],
		['an Expect it cannot meet', `POST ${jwks} HTTP/1.1\r\nHost: x\r\nExpect: tea\r\n\r\n`, 417],
		[
			'headers over the limit',
			`GET ${jwks} HTTP/1.1\r\nHost: x\r\nX-A: ${'a'.repeat(20_000)}\r\n\r\n`,
			431,
		],
		['a malformed request line', 'GET\r\n\r\n', 400],
		[
			'CONNECT (no tunnels here)',
			'CONNECT example.com:443 HTTP/1.1\r\nHost: example.com\r\n\r\n',
			405,
		],
		[
			'a URL over the limit on a path no handler knows',
			`GET /${'a'.repeat(9000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
			414,
		],
		[
			'a URL over the limit on a control path',
			`POST /__mock/reset?${'a'.repeat(9000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
			414,
		],
	])('%s', async (_name, bytes, status) => {
		const result = await rawRequest(frozen.url, [bytes]);
		expectContractError(result, status);
		await expectAlive();
	});

	test.each([
		['TRACE', '/3rdparty/v1/messages', 405, 'POST'],
		['TRACE', '/3rdparty/v1/auth/token/refresh', 405, 'POST'],
		['TRACE', '/__mock/clock', 405, 'POST'],
		['TRACE', '/3rdparty/v1/nothing', 404, undefined],
		['TRACE', '/nothing', 404, undefined],
	])('%s %s, which Fetch cannot carry, is %i (Allow: %s)', async (method, path, status, allow) => {
		const result = await rawRequest(frozen.url, [`${method} ${path} HTTP/1.1\r\nHost: x\r\n\r\n`]);
		expectContractError(result, status);
		expect(result.headers['allow']).toBe(allow);
	});
});

describe('odd but valid HTTP is served like any request', () => {
	test('an absolute-form target is answered for its path', async () => {
		const result = await rawRequest(server.url, [
			'GET http://elsewhere.example/3rdparty/v1/auth/jwks HTTP/1.1\r\nHost: x\r\n\r\n',
		]);
		expect(result.status).toBe(200);
	});

	test('two pipelined requests get two answers, in order', async () => {
		const request = 'GET /3rdparty/v1/auth/jwks HTTP/1.1\r\nHost: x\r\n\r\n';
		const last = 'GET /nothing HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n';
		const result = await rawRequest(server.url, [request + last], { untilClosed: true });
		expect(result.status).toBe(200);
		expect(result.body).toContain('HTTP/1.1 404');
	});

	test('a header value with bytes that are not UTF-8 is a 4xx, never a 5xx', async () => {
		const head = Buffer.from(
			'GET /3rdparty/v1/messages/x HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ',
			'latin1'
		);
		const bytes = Buffer.concat([head, Buffer.from([0xff, 0xfe, 0x80]), Buffer.from('\r\n\r\n')]);
		const result = await rawRequest(server.url, [bytes]);
		expect(result.status).toBeGreaterThanOrEqual(400);
		expect(result.status).toBeLessThan(500);
		await expectAlive();
	});

	test('an Upgrade request is answered as a plain request', async () => {
		const result = await rawRequest(server.url, [
			'GET /3rdparty/v1/auth/jwks HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n',
		]);
		expect(result.status).toBe(200);
	});

	test('an odd method on a control path is 405 Allow: POST', async () => {
		const response = await send('/__mock/clock', { method: 'PROPFIND' });
		expect(response.status).toBe(405);
		expect(response.headers.get('allow')).toBe('POST');
	});
});
