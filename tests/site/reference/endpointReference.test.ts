import { describe, expect, test } from 'vitest';
import { checkCurlFence } from '../../../src/verify/samples/checkCurlFence.ts';
import type { Fence } from '../../../src/verify/pages/readPage.ts';
import { ENDPOINTS, type EndpointId } from '../../../src/mock/contract/endpoints.ts';
import {
	curlExample,
	isShared,
	REQUEST_EXAMPLES,
	requestHeaders,
	responseHeaders,
	sharedHeaders,
} from '../../../src/site/reference/endpointReference.ts';
import { openApiDocument } from '../../../src/site/openapi/openApiDocument.ts';
import { ExchangeValidator } from '../../../src/verify/openapi/ExchangeValidator.ts';
import { useFenceServer } from '../../support/useFenceServer.ts';

const openApi = new ExchangeValidator(openApiDocument());
const fenceServer = useFenceServer();

/** The fence a page would hold for the command: ```sh status=<statuses>. */
function shFence(code: string, statuses: string): Fence {
	return {
		lang: 'sh',
		meta: `status=${statuses}`,
		options: new Map([['status', statuses]]),
		code,
		line: 1,
		start: { line: 1, column: 1, offset: 0 },
	};
}

describe('each endpoint’s cURL command on the reference runs against the mock over HTTP', () => {
	test.each(ENDPOINTS.map((endpoint) => [endpoint.id, endpoint]))(
		'%s',
		async (id, endpoint) => {
			const { code, statuses } = curlExample(endpoint);
			const fence = shFence(code, statuses.join(','));
			expect(await checkCurlFence(fence, `reference ${id}`, fenceServer)).toEqual([]);
			const exchanges = fenceServer.api.log.entries();
			expect(exchanges.flatMap((exchange) => openApi.check(exchange))).toEqual([]);
			expect(statuses.at(-1)).toBe(endpoint.success.status);
		},
		60_000
	);

	test('a command whose status drifted is reported', async () => {
		const [issue] = ENDPOINTS;
		const fence = shFence(curlExample(issue).code, '200');
		expect(await checkCurlFence(fence, 'reference issueTokenPair', fenceServer)).toContainEqual(
			expect.stringContaining('declared status=200 but the requests got 201')
		);
	}, 60_000);
});

describe('the reference’s request and header data', () => {
	test('every request example fits its endpoint’s schema, and only those endpoints have one', () => {
		for (const endpoint of ENDPOINTS) {
			const example = REQUEST_EXAMPLES[endpoint.id as EndpointId];
			if (!('request' in endpoint)) {
				expect(example, endpoint.id).toBeUndefined();
				continue;
			}
			expect(endpoint.request.safeParse(example).success, endpoint.id).toBe(true);
		}
	});

	test('headers come from the OpenAPI document: 401 challenge, cookie attributes, caching', () => {
		const byId = Object.fromEntries(ENDPOINTS.map((endpoint) => [endpoint.id, endpoint]));
		const names = (rows: { name: string }[]) => rows.map((row) => row.name);
		expect(responseHeaders(byId['issueTokenPair']!, 401)).toContainEqual(
			expect.objectContaining({ name: 'WWW-Authenticate', value: 'Bearer' })
		);
		expect(responseHeaders(byId['getJwks']!, 200)).toContainEqual(
			expect.objectContaining({ name: 'Cache-Control', value: 'public, max-age=300' })
		);
		const login = responseHeaders(byId['login']!, 200).find((row) => row.name === 'Set-Cookie');
		expect(login?.notes).toMatch(/HttpOnly; Secure; SameSite=Strict; Path=\/auth; Max-Age=/);
		expect(names(responseHeaders(byId['refreshSession']!, 401))).toContain('Set-Cookie');
		expect(names(requestHeaders(byId['refreshSession']!))).toEqual(['Cookie', 'X-CSRF']);
	});
});

describe('the headers the reference describes once', () => {
	test('are the ones most endpoints answer with the same value, each said where', () => {
		const shared = sharedHeaders(ENDPOINTS);
		expect(shared.map((header) => [header.name, header.value, header.on])).toEqual(
			expect.arrayContaining([
				['Date', '', 'Every answer'],
				['WWW-Authenticate', 'Bearer', 'Every 401 answer'],
			])
		);
		// A header of three endpoints stays under each of them.
		expect(shared.map((header) => header.name)).not.toContain('Set-Cookie');
	});

	test('a header one endpoint alone answers with is not shared', () => {
		const [issue] = ENDPOINTS;
		expect(sharedHeaders([issue, ...ENDPOINTS.slice(1, 2)]).length).toBeGreaterThan(0);
		expect(
			isShared(
				{ name: 'Cache-Control', value: 'public, max-age=300', notes: '' },
				sharedHeaders(ENDPOINTS)
			)
		).toBe(false);
	});
});

test('every cURL command runs as pasted: no placeholder to edit, variables defaulted at the top', () => {
	for (const endpoint of ENDPOINTS) {
		const { code } = curlExample(endpoint);
		expect(code, endpoint.id).not.toMatch(/<[A-Z_]+>/);
		expect(code.split('\n')[0], endpoint.id).toBe(
			'API_BASE_URL=${API_BASE_URL:-http://127.0.0.1:8787}'
		);
	}
});
