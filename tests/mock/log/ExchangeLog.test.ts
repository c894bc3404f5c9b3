import { describe, expect, test } from 'vitest';
import { createMockApi } from '../../../src/mock/createMockApi.ts';
import { DEFAULT_LOG_CAPACITY, ExchangeLog } from '../../../src/mock/log/ExchangeLog.ts';
import { basic, call } from '../../support/http.ts';
import { START } from '../../support/testClock.ts';
import { useMockApi } from '../../support/useMockApi.ts';

const api = useMockApi();

test('the log records each exchange in order, with both bodies, and tells subscribers', async () => {
	const seen: number[] = [];
	const unsubscribe = api.log.subscribe((exchange) => seen.push(exchange.response.status));
	await call('POST', '/3rdparty/v1/auth/token', {
		authorization: basic(),
		json: { scopes: ['messages:send'] },
	});
	await call('GET', '/3rdparty/v1/auth/token');
	unsubscribe();
	await call('GET', '/3rdparty/v1/auth/jwks');

	const [issued, wrongMethod, jwks] = api.log.entries();
	expect(issued?.request).toMatchObject({ method: 'POST', body: '{"scopes":["messages:send"]}' });
	expect(issued?.response.status).toBe(201);
	expect(JSON.parse(issued?.response.body ?? '{}')).toHaveProperty('refresh_token');
	expect(wrongMethod?.response.status).toBe(405);
	// Numbered in order; the count runs on across tests (and shuffled runs), so relative to the first.
	expect([wrongMethod?.seq, jwks?.seq]).toEqual([(issued?.seq ?? 0) + 1, (issued?.seq ?? 0) + 2]);
	expect(seen).toEqual([201, 405]);
});

test('every response carries the mock clock in its Date header', async () => {
	api.clock.advance(3600);
	const result = await call('GET', '/3rdparty/v1/auth/jwks');
	expect(result.headers.get('date')).toBe(new Date(START.getTime() + 3600_000).toUTCString());
	expect(api.log.entries().at(-1)?.at).toBe(api.clock.now());
});

test('Set-Cookie values given apart are logged, for responses whose headers cannot hold them', async () => {
	const response = new Response('{}', { headers: { 'Content-Type': 'application/json' } });
	// A log of its own: this made-up exchange is no answer of the mock's, for the OpenAPI check.
	const exchange = await new ExchangeLog().record(
		0,
		new Request('https://api.token-pair.test/auth/login'),
		response,
		{
			setCookie: ['refresh_token=x; HttpOnly', 'other=y'],
		}
	);
	expect(exchange.response.headers).toMatchObject({
		'content-type': 'application/json',
		'set-cookie': 'refresh_token=x; HttpOnly, other=y',
	});
});

test('a session response’s Set-Cookie is in the log', async () => {
	await call('POST', '/auth/login', { json: { username: 'demo', password: 'demo-password' } });
	const [login] = api.log.entries();
	expect(login?.response.headers['set-cookie']).toMatch(
		/^refresh_token=eyJ[^;]+; HttpOnly; Secure/
	);
});

describe('the log is bounded', () => {
	const request = (n: number) => new Request(`https://api.token-pair.test/${n}`);
	const record = (log: ExchangeLog, n: number) => log.record(n, request(n), new Response(null));

	test('past its capacity the oldest exchanges are dropped, and subscribers still hear each', async () => {
		const log = new ExchangeLog({ capacity: 3 });
		const heard: number[] = [];
		log.subscribe((exchange) => heard.push(exchange.seq));
		for (let n = 1; n <= 5; n += 1) await record(log, n);
		expect(log.entries().map((exchange) => exchange.seq)).toEqual([3, 4, 5]);
		expect(heard).toEqual([1, 2, 3, 4, 5]);
	});

	test('a mock keeps at most the default capacity unless told otherwise', async () => {
		const log = createMockApi().log;
		for (let n = 0; n <= DEFAULT_LOG_CAPACITY; n += 1) await record(log, n);
		expect(log.entries()).toHaveLength(DEFAULT_LOG_CAPACITY);
		expect(log.entries()[0]?.seq).toBe(2);
		expect(createMockApi({ logCapacity: 7 }).log.capacity).toBe(7);
	});

	test('capacity 0 keeps nothing; a capacity that is not a whole number is refused', async () => {
		const log = new ExchangeLog({ capacity: 0 });
		await record(log, 1);
		expect(log.entries()).toEqual([]);
		expect(() => new ExchangeLog({ capacity: -1 })).toThrow(RangeError);
		expect(() => new ExchangeLog({ capacity: 1.5 })).toThrow(RangeError);
	});
});
