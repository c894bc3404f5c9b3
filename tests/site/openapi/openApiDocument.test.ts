import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, test } from 'vitest';
import { ENDPOINTS } from '../../../src/mock/contract/endpoints.ts';
import { API_ERRORS } from '../../../src/mock/contract/errors.ts';
import {
	type Json,
	openApiDocument,
	openApiPath,
} from '../../../src/site/openapi/openApiDocument.ts';

const document = openApiDocument();

async function problems(candidate: Json): Promise<unknown> {
	const result = await new Validator().validate(candidate);
	return result.valid ? [] : result.errors;
}

function operation(doc: Json, method: string, path: string): Json {
	return ((doc['paths'] as Record<string, Json>)[openApiPath(path)] as Json)[
		method.toLowerCase()
	] as Json;
}

describe('the OpenAPI document', () => {
	test('is a valid OpenAPI 3.1 document', async () => {
		expect(document['openapi']).toMatch(/^3\.1\./);
		expect(await problems(document)).toEqual([]);
	});

	test('the validator refuses a document with a defect planted in it', async () => {
		const broken = structuredClone(document);
		delete operation(broken, 'POST', '/3rdparty/v1/auth/token')['responses'];
		operation(broken, 'GET', '/3rdparty/v1/auth/jwks')['parameters'] = [{ in: 'path' }];
		expect(await problems(broken)).not.toEqual([]);
	});

	test.each(ENDPOINTS.map((endpoint) => [`${endpoint.method} ${endpoint.path}`, endpoint]))(
		'%s: its success and every error status, with each error id',
		(_name, endpoint) => {
			const op = operation(document, endpoint.method, endpoint.path);
			const responses = op['responses'] as Record<string, Json>;
			const statuses = new Set([
				endpoint.success.status,
				...endpoint.errors.map((id) => API_ERRORS[id].status),
			]);
			expect(Object.keys(responses).sort()).toEqual([...statuses].map(String).sort());
			const text = JSON.stringify(responses);
			for (const id of endpoint.errors) expect(text).toContain(`"${API_ERRORS[id].error}"`);
			expect(op['operationId']).toBe(endpoint.id);
		}
	);

	test('401s carry WWW-Authenticate, 405 Allow, session answers Set-Cookie, JWKS its caching', () => {
		const issue = operation(document, 'POST', '/3rdparty/v1/auth/token')['responses'] as Json;
		expect(JSON.stringify((issue['401'] as Json)['headers'])).toContain('WWW-Authenticate');
		const unmatched = JSON.stringify(document['components']);
		expect(unmatched).toContain('"Allow"');
		const login = operation(document, 'POST', '/auth/login')['responses'] as Json;
		expect(JSON.stringify((login['200'] as Json)['headers'])).toMatch(
			/Set-Cookie.*HttpOnly; Secure; SameSite=Strict; Path=\/auth; Max-Age=/
		);
		const refresh = operation(document, 'POST', '/auth/refresh')['responses'] as Json;
		expect(JSON.stringify((refresh['401'] as Json)['headers'])).toContain('Max-Age=0');
		const jwks = operation(document, 'GET', '/3rdparty/v1/auth/jwks')['responses'] as Json;
		expect(JSON.stringify((jwks['200'] as Json)['headers'])).toContain('public, max-age=300');
	});

	test('declares the four ways to authenticate', () => {
		const schemes = (document['components'] as Json)['securitySchemes'] as Json;
		expect(Object.keys(schemes).sort()).toEqual([
			'basicAuth',
			'bearerAuth',
			'refreshCookie',
			'refreshToken',
		]);
		const refresh = operation(document, 'POST', '/auth/refresh');
		expect(refresh['security']).toEqual([{ refreshCookie: [] }]);
		expect(JSON.stringify(refresh['parameters'])).toContain('X-CSRF');
	});
});
