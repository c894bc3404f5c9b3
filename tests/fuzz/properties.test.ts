import fc from 'fast-check';
import { getResponse } from 'msw';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { errorBody } from '../../src/mock/contract/errors.ts';
import { ENDPOINTS, type Endpoint } from '../../src/mock/contract/endpoints.ts';
import { ErrorResponse } from '../../src/mock/contract/schemas.ts';
import { createMockApi } from '../../src/mock/createMockApi.ts';
import { MAX_BODY_BYTES } from '../../src/mock/http/readJsonBody.ts';
import {
	startHttpServer,
	type RunningHttpServer,
} from '../../src/mock/transports/http/startHttpServer.ts';
import { rawRequest } from '../mock/transports/http/rawRequest.ts';
import {
	type GeneratedRequest,
	type GenuinePool,
	mutatedToken,
	printable,
	request as anyRequest,
} from './support/arbitraries.ts';
import { isTwinOfGenuine, judgeExchange } from './support/judgeExchange.ts';
import { mintPool, type Send } from './support/mintPool.ts';
import { readWireResponse, type WireResponse } from './support/transports.ts';
import { fuzzParameters, fuzzTimeout } from '../support/fuzzBudget.ts';
import { testClock } from '../support/testClock.ts';

/**
 * Runs per property. The total (asserted at the end) is at least 10,000 generated requests per
 * `npm test`; the HTTP share is smaller because each request crosses a real socket.
 */
const RUNS = {
	inProcessRequests: 4_500,
	inProcessForgeries: 3_500,
	inProcessCookies: 800,
	httpRequests: 700,
	httpForgeries: 400,
	httpRawBytes: 300,
};
/** Each property's share of `npm run fuzz`'s time budget. */
const SHARE = 1 / Object.keys(RUNS).length;

/** How many requests each property actually sent, and the non-canonical twins that got in. */
const sent: Record<keyof typeof RUNS, number> = {
	inProcessRequests: 0,
	inProcessForgeries: 0,
	inProcessCookies: 0,
	httpRequests: 0,
	httpForgeries: 0,
	httpRawBytes: 0,
};
const twins: string[] = [];

function toRequest(base: string, generated: GeneratedRequest): Request {
	const headers = new Headers(generated.headers);
	if (generated.credential.header !== undefined)
		headers.set('Authorization', generated.credential.header);
	const bodyless = generated.method === 'GET' || generated.method === 'HEAD';
	return new Request(`${base}${generated.path}`, {
		method: generated.method,
		headers,
		...(bodyless || generated.body === undefined ? {} : { body: generated.body }),
	});
}

/** Fails the property on a violation; records a twin without failing, so the run goes on. */
function assertVerdict(
	generated: GeneratedRequest,
	response: WireResponse,
	pool: GenuinePool
): void {
	const verdict = judgeExchange(generated, response, pool);
	if (verdict.ok === 'twin') {
		twins.push(`${generated.method} ${generated.path}`);
		return;
	}
	if (!verdict.ok) {
		throw new Error(
			`${generated.method} ${generated.path}: ${verdict.why}\n${response.text.slice(0, 300)}`
		);
	}
}

/** Endpoints a bearer or refresh token opens. */
const TOKEN_ENDPOINTS = (ENDPOINTS as readonly Endpoint[]).filter((endpoint) =>
	endpoint.auth.schemes.some((scheme) => scheme === 'bearer' || scheme === 'refresh-token')
);

/** A forged-or-mutated token sent to a token endpoint: it must get exactly 401. */
function forgeryProperty(
	pool: GenuinePool,
	send: (generated: GeneratedRequest) => Promise<WireResponse>,
	counter: keyof typeof RUNS
) {
	return fc.asyncProperty(
		mutatedToken(pool),
		fc.constantFrom(...TOKEN_ENDPOINTS),
		async (token, endpoint) => {
			fc.pre(!pool.tokens.includes(token));
			sent[counter]++;
			const generated: GeneratedRequest = {
				method: endpoint.method,
				path: endpoint.path.replace(/:\w+/g, 'fuzz'),
				headers: { 'Content-Type': 'application/json' },
				body: endpoint.method === 'GET' ? undefined : '{}',
				credential: { kind: 'mutated', header: `Bearer ${token}` },
			};
			const response = await send(generated);
			if (response.status === 401) {
				expect(response.json).toEqual(errorBody('unauthorized'));
				return;
			}
			if (!isTwinOfGenuine(token, pool)) {
				throw new Error(`${endpoint.id}: a forged token got ${response.status}: ${response.text}`);
			}
			twins.push(`${generated.method} ${generated.path}`);
		}
	);
}

describe('in-process: MSW getResponse, the machinery every transport shares', () => {
	const api = createMockApi({ clock: testClock() });
	const base = 'https://api.token-pair.test';
	const send = async (generated: GeneratedRequest): Promise<WireResponse> => {
		const response = await getResponse(api.handlers, toRequest(base, generated));
		// No handler: the HTTP bridge's 404; under msw/node the request would go to the network.
		return response
			? readWireResponse(response)
			: readWireResponse(Response.json(errorBody('routeNotFound'), { status: 404 }));
	};
	let pool: GenuinePool;
	beforeAll(async () => {
		const simple: Send = async ({ method, path, headers, body }) =>
			send({
				method,
				path,
				headers: headers ?? {},
				body,
				credential: { kind: 'none', header: undefined },
			});
		pool = await mintPool(simple);
	});

	test(
		'any request to any endpoint: a contract status, the error shape, no forgery accepted',
		async () => {
			await fc.assert(
				fc.asyncProperty(
					fc.constant(null).chain(() => anyRequest(pool)),
					async (generated) => {
						sent.inProcessRequests++;
						assertVerdict(generated, await send(generated), pool);
					}
				),
				fuzzParameters(RUNS.inProcessRequests, SHARE)
			);
		},
		fuzzTimeout(120_000, SHARE)
	);

	test(
		'a mutated or forged token never authenticates: always 401',
		async () => {
			await fc.assert(
				forgeryProperty(pool, send, 'inProcessForgeries'),
				fuzzParameters(RUNS.inProcessForgeries, SHARE)
			);
		},
		fuzzTimeout(120_000, SHARE)
	);

	test(
		'a mutated session cookie never refreshes the session',
		async () => {
			await fc.assert(
				fc.asyncProperty(
					fc.constant(null).chain(() => mutatedToken({ ...pool, tokens: [pool.cookie] })),
					async (value) => {
						fc.pre(value !== pool.cookie && !/[;,\s]/.test(value));
						sent.inProcessCookies++;
						const generated: GeneratedRequest = {
							method: 'POST',
							path: '/auth/refresh',
							headers: { Cookie: `refresh_token=${value}`, 'X-CSRF': '1' },
							body: undefined,
							credential: { kind: 'none', header: undefined },
						};
						const response = await send(generated);
						if (response.status === 401) return;
						if (!isTwinOfGenuine(value, pool)) {
							throw new Error(`a forged session cookie got ${response.status}: ${response.text}`);
						}
						twins.push('POST /auth/refresh (cookie)');
					}
				),
				fuzzParameters(RUNS.inProcessCookies, SHARE)
			);
		},
		fuzzTimeout(120_000, SHARE)
	);
});

describe('over real HTTP: the same properties through the node:http bridge', () => {
	const api = createMockApi({ clock: testClock() });
	let server: RunningHttpServer;
	let pool: GenuinePool;
	const send = async (generated: GeneratedRequest): Promise<WireResponse> =>
		readWireResponse(await fetch(toRequest(server.url, generated)));
	beforeAll(async () => {
		server = await startHttpServer({
			api,
			port: 0,
			timeouts: { headers: 500, request: 2000, check: 100 },
		});
		pool = await mintPool(async ({ method, path, headers, body }) =>
			send({
				method,
				path,
				headers: headers ?? {},
				body,
				credential: { kind: 'none', header: undefined },
			})
		);
	});
	afterAll(() => server.close());

	test(
		'any request to any endpoint: a contract status, the error shape, no forgery accepted',
		async () => {
			await fc.assert(
				fc.asyncProperty(
					fc.constant(null).chain(() => anyRequest(pool)),
					async (generated) => {
						sent.httpRequests++;
						const response = await send(generated);
						const size =
							typeof generated.body === 'string'
								? new TextEncoder().encode(generated.body).length
								: 0;
						const bodyless = generated.method === 'GET' || generated.method === 'HEAD';
						if (size > MAX_BODY_BYTES && !bodyless) {
							// The bridge caps bodies before any handler runs, whatever the route.
							expect(response.status).toBe(413);
							expect(response.json).toEqual({
								error: 'payload_too_large',
								message: 'Payload Too Large',
								code: 413,
							});
							return;
						}
						assertVerdict(generated, response, pool);
					}
				),
				fuzzParameters(RUNS.httpRequests, SHARE)
			);
		},
		fuzzTimeout(120_000, SHARE)
	);

	test(
		'a mutated or forged token never authenticates: always 401',
		async () => {
			await fc.assert(
				forgeryProperty(pool, send, 'httpForgeries'),
				fuzzParameters(RUNS.httpForgeries, SHARE)
			);
		},
		fuzzTimeout(120_000, SHARE)
	);

	test(
		'arbitrary request lines and headers on a raw socket: never a 5xx, and it keeps serving',
		async () => {
			const method = fc.oneof(
				fc.constantFrom('GET', 'POST', 'DELETE', 'PUT', 'OPTIONS', 'HEAD', 'TRACE'),
				printable(10)
			);
			const target = fc.oneof(
				fc.constantFrom(
					...ENDPOINTS.map((endpoint) => endpoint.path.replace(/:\w+/g, 'x')),
					'/__mock/clock',
					'*'
				),
				printable(40)
			);
			const header = fc
				.tuple(printable(20), printable(60))
				.map(([name, value]) => `${name}: ${value}`);
			await fc.assert(
				fc.asyncProperty(
					method,
					target,
					fc.array(header, { maxLength: 5 }),
					printable(60),
					async (m, t, headers, body) => {
						sent.httpRawBytes++;
						const head = [
							`${m} ${t} HTTP/1.1`,
							'Host: fuzz',
							'Connection: close',
							...headers,
							`Content-Length: ${body.length}`,
						];
						const result = await rawRequest(server.url, [`${head.join('\r\n')}\r\n\r\n${body}`], {
							waitMs: 3000,
							endAfterWrite: true,
						});
						expect(result.status < 500, `${result.status} for ${JSON.stringify(head)}`).toBe(true);
						if (result.status >= 400 && result.body !== '' && m !== 'HEAD') {
							expect(ErrorResponse.safeParse(JSON.parse(result.body)).success).toBe(true);
						}
					}
				),
				fuzzParameters(RUNS.httpRawBytes, SHARE)
			);
			expect((await fetch(`${server.url}/3rdparty/v1/auth/jwks`)).status).toBe(200);
		},
		fuzzTimeout(120_000, SHARE)
	);
});

// Totals of every property above, so checked once they have all run: in a hook, not a test, as
// `--sequence.shuffle` may run a test of this file before the properties.
afterAll(() => {
	const total = Object.values(sent).reduce((sum, count) => sum + count, 0);
	console.info(`fuzz volume: ${total} requests`, sent);
	expect(total, 'at least 10,000 generated requests').toBeGreaterThanOrEqual(10_000);
	expect(sent.httpRequests + sent.httpForgeries + sent.httpRawBytes).toBeGreaterThan(0);
	expect(
		twins,
		'TokenService.verify accepts non-canonical base64url: refuse segments that do not re-encode to themselves'
	).toEqual([]);
});
