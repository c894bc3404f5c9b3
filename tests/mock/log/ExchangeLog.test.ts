import { expect, test } from 'vitest';
import { basic, call } from '../../support/http.ts';
import { ExchangeLog } from '../../../src/mock/log/ExchangeLog.ts';
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
	expect(jwks?.seq).toBe(3);
	expect(seen).toEqual([201, 405]);
});

test('every response carries the mock clock in its Date header', async () => {
	api.clock.advance(3600);
	const result = await call('GET', '/3rdparty/v1/auth/jwks');
	const serverNow = Date.parse(result.headers.get('date') ?? '');
	expect(Math.abs(serverNow - api.clock.now())).toBeLessThan(1000);
	expect(serverNow - Date.now()).toBeGreaterThan(3590_000);
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
