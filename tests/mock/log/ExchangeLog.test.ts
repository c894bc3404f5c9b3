import { expect, test } from 'vitest';
import { basic, call } from '../../support/http.ts';
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
