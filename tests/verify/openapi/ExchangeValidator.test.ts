import { describe, expect, test } from 'vitest';
import type { Exchange } from '../../../src/mock/log/ExchangeLog.ts';
import { openApiDocument } from '../../../src/site/openapi/openApiDocument.ts';
import { ExchangeValidator } from '../../../src/verify/openapi/ExchangeValidator.ts';
import { basic, call } from '../../support/http.ts';
import { useMockApi } from '../../support/useMockApi.ts';

const api = useMockApi();
const validator = new ExchangeValidator(openApiDocument());

/** The mock's own exchange for a call, copied so a test can plant a defect in it. */
async function exchangeOf(...args: Parameters<typeof call>): Promise<Exchange> {
	await call(...args);
	const last = api.log.entries().at(-1);
	if (!last) throw new Error('the mock logged nothing');
	return structuredClone(last);
}

const issue = () =>
	exchangeOf('POST', '/3rdparty/v1/auth/token', {
		authorization: basic(),
		json: { scopes: ['messages:send'] },
	});

function withBody(exchange: Exchange, change: (body: Record<string, unknown>) => void): Exchange {
	const body = JSON.parse(exchange.response.body ?? '{}') as Record<string, unknown>;
	change(body);
	exchange.response.body = JSON.stringify(body);
	return exchange;
}

describe('every exchange is checked against the OpenAPI document', () => {
	test('the mock’s own answers conform, success and error alike', async () => {
		expect(validator.check(await issue())).toEqual([]);
		const refused = await exchangeOf('POST', '/3rdparty/v1/auth/token', { json: {} });
		expect(refused.response.status).toBe(401);
		expect(validator.check(refused)).toEqual([]);
		expect(validator.check(await exchangeOf('PUT', '/3rdparty/v1/auth/token'))).toEqual([]);
	});

	test('a field the mock sends but the document lacks is a problem', async () => {
		const planted = withBody(await issue(), (body) => (body['scope'] = 'messages:send'));
		expect(validator.check(planted)).toEqual([
			'POST /3rdparty/v1/auth/token → 201: body (root) must NOT have additional properties "scope"',
		]);
	});

	test('a status the document lacks is a problem', async () => {
		const planted = await issue();
		planted.response.status = 200;
		expect(validator.check(planted)).toEqual([
			'POST /3rdparty/v1/auth/token → 200: status 200 is not in the document for POST /3rdparty/v1/auth/token (201, 400, 401, 403, 405, 408, 413, 414, 417, 431)',
		]);
	});

	test('an error id the endpoint does not list is a problem', async () => {
		const planted = await exchangeOf('POST', '/3rdparty/v1/auth/token', {
			authorization: basic(),
			json: {},
		});
		withBody(planted, (body) => (body['error'] = 'ttl_too_long'));
		// The 400's body is one of the endpoint's 400 errors, each with its own constant id.
		const problems = validator.check(planted);
		expect(problems).toContainEqual(
			expect.stringContaining('→ 400: body (root) must match exactly one schema in oneOf')
		);
		expect(problems).toContainEqual(
			expect.stringContaining('→ 400: body /error must be equal to constant')
		);
	});

	test('a header the document lacks, or a required one missing, is a problem', async () => {
		const planted = await issue();
		planted.response.headers['x-debug'] = '1';
		delete planted.response.headers['date'];
		expect(validator.check(planted)).toEqual([
			'POST /3rdparty/v1/auth/token → 201: header date is missing',
			'POST /3rdparty/v1/auth/token → 201: header x-debug is not in the document',
		]);
		const unchallenged = await exchangeOf('GET', '/3rdparty/v1/messages/x');
		delete unchallenged.response.headers['www-authenticate'];
		expect(validator.check(unchallenged)).toEqual([
			'GET /3rdparty/v1/messages/x → 401: header www-authenticate is missing',
		]);
	});

	test('a cookie without its attributes is a problem', async () => {
		const planted = await exchangeOf('POST', '/auth/login', {
			json: { username: 'demo', password: 'demo-password' },
		});
		const cookie = planted.response.headers['set-cookie'] ?? '';
		planted.response.headers['set-cookie'] = cookie.replace('; HttpOnly', '');
		expect(validator.check(planted)).toEqual([
			expect.stringMatching(
				/^POST \/auth\/login → 200: header set-cookie: \(root\) must match pattern/
			),
		]);
	});

	test('a request the document refuses, answered with success, is a problem', async () => {
		const planted = await issue();
		planted.request.body = JSON.stringify({ scopes: ['messages:send'], colour: 'blue' });
		expect(validator.check(planted)).toEqual([
			expect.stringContaining(
				'accepted a request body the document refuses: (root) must NOT have additional properties "colour"'
			),
		]);
	});

	test('a wrong method must be 405 with the path’s methods in Allow', async () => {
		const planted = await exchangeOf('PUT', '/3rdparty/v1/auth/token/refresh');
		planted.response.headers['allow'] = 'GET, POST';
		expect(validator.check(planted)).toEqual([
			'PUT /3rdparty/v1/auth/token/refresh → 405: Allow is "GET, POST", the document has "POST"',
		]);
		planted.response.status = 404;
		expect(validator.check(planted)).toEqual([
			'PUT /3rdparty/v1/auth/token/refresh → 404: no operation in the document has this request, so the answer must be 405',
		]);
	});
});
