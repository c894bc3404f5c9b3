import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, test } from 'vitest';
import { ENDPOINTS } from '../../../src/mock/contract/endpoints.ts';
import { API_ERRORS } from '../../../src/mock/contract/errors.ts';
import { REQUESTABLE_SCOPES } from '../../../src/mock/contract/scopes.ts';
import { bundledSamples } from '../../../src/site/samples/bundledSamples.ts';
import {
	type Json,
	openApiDocument,
	openApiPath,
	pathParameters,
} from '../../../src/site/openapi/openApiDocument.ts';
import { routerErrors } from '../../../src/site/openapi/errorSchemas.ts';

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
			// Its own errors, and those the router and the HTTP server answer before it runs.
			const errors = [
				...endpoint.errors,
				...routerErrors(pathParameters(endpoint.path).length > 0),
			];
			const statuses = new Set([
				endpoint.success.status,
				...errors.map((id) => API_ERRORS[id].status),
			]);
			expect(Object.keys(responses).sort()).toEqual([...statuses].map(String).sort());
			const text = JSON.stringify(responses);
			for (const id of errors) expect(text).toContain(`"${API_ERRORS[id].error}"`);
			expect(typeof op['description'], endpoint.id).toBe('string');
			expect(op['operationId']).toBe(endpoint.id);
		}
	);

	test('401s carry WWW-Authenticate, 405 Allow, session answers Set-Cookie, JWKS its caching', () => {
		const issue = operation(document, 'POST', '/3rdparty/v1/auth/token')['responses'] as Json;
		expect(JSON.stringify((issue['401'] as Json)['headers'])).toContain('WWW-Authenticate');
		expect(JSON.stringify((issue['405'] as Json)['headers'])).toContain('"Allow"');
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

describe('what third-party tools read from the document', () => {
	const served = openApiDocument({ samples: bundledSamples });
	const operations = () =>
		Object.values(served['paths'] as Record<string, Json>).flatMap((item) =>
			Object.values(item)
		) as Json[];

	test('every property of every schema has a description', () => {
		const missing: string[] = [];
		const walk = (schema: unknown, at: string) => {
			if (!schema || typeof schema !== 'object') return;
			const node = schema as Json;
			for (const [name, property] of Object.entries((node['properties'] ?? {}) as Json)) {
				if (typeof (property as Json)['description'] !== 'string') missing.push(`${at}.${name}`);
				walk(property, `${at}.${name}`);
			}
			walk(node['items'], `${at}[]`);
		};
		for (const [name, schema] of Object.entries(
			(served['components'] as Json)['schemas'] as Json
		)) {
			walk(schema, name);
		}
		expect(missing).toEqual([]);
	});

	test('every path parameter, request body and success body has an example recorded from the mock', () => {
		for (const op of operations()) {
			for (const parameter of op['parameters'] as Json[]) {
				expect(parameter['example'], `${op['operationId']} ${parameter['name']}`).toEqual(
					expect.any(String)
				);
			}
			const request = (op['requestBody'] as Json | undefined)?.['content'] as Json | undefined;
			if (request) expect((request['application/json'] as Json)['examples']).toBeDefined();
			for (const [status, response] of Object.entries(op['responses'] as Json)) {
				const content = (response as Json)['content'] as Json | undefined;
				if (!content || Number(status) >= 400) continue;
				expect((content['application/json'] as Json)['examples'], `${op['operationId']}`).toEqual(
					expect.any(Object)
				);
			}
		}
	});

	test('error data is typed per error id, and scopes are the scope enum', () => {
		const schemas = (served['components'] as Json)['schemas'] as Json;
		const ttl = schemas['TtlTooLongError'] as Json;
		expect(((ttl['properties'] as Json)['data'] as Json)['properties']).toEqual({
			field: expect.objectContaining({ const: 'ttl' }),
			max_ttl: expect.objectContaining({ type: 'integer' }),
		});
		const token = schemas['ServiceTokenResponse'] as Json;
		expect(((token['properties'] as Json)['scopes'] as Json)['items']).toEqual({
			$ref: '#/components/schemas/RequestableScope',
		});
		// The example of an unknown scope names a scope that does not exist.
		const issue = operation(served, 'POST', '/3rdparty/v1/auth/token');
		const examples = (
			((issue['responses'] as Json)['400'] as Json)['content'] as Record<string, Json>
		)['application/json']?.['examples'] as Json;
		const unknown = (examples['unknown_scope'] as Json)['value'] as { message: string };
		const scope = unknown.message.split(' ').at(-1) ?? '';
		expect(REQUESTABLE_SCOPES as readonly string[]).not.toContain(scope);
	});

	test('an absolute server whose origin is a variable, the local mock, contact, license, tags', () => {
		const [real, local] = served['servers'] as Json[];
		expect(real).toMatchObject({
			url: '{origin}',
			variables: { origin: { default: expect.stringMatching(/^https:\/\//) } },
		});
		expect(local).toMatchObject({ url: 'http://127.0.0.1:8787' });
		expect(served['info']).toMatchObject({
			contact: { url: expect.any(String) },
			license: { name: expect.any(String) },
		});
		for (const tag of served['tags'] as Json[])
			expect(tag['description']).toEqual(expect.any(String));
	});
});
