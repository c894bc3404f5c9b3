import { expect, test } from 'vitest';
import { z } from 'zod';
import { schemaFields } from '../../../src/site/reference/schemaFields.ts';
import {
	IssueTokenRequest,
	SendMessageRequest,
	ServiceTokenListResponse,
} from '../../../src/mock/contract/schemas.ts';

test('lists every field of a contract schema with its type, whether it is required and notes', () => {
	const fields = schemaFields(IssueTokenRequest);
	expect(fields.map((field) => [field.name, field.type, field.required])).toEqual([
		['scopes', 'string[]', true],
		['ttl', 'integer', false],
	]);
	expect(fields[0]?.description).toContain('`messages:send`');
	expect(fields[0]?.description).not.toContain('`tokens:refresh`');
	expect(fields[1]?.description).toMatch(/clamped to 900/);
});

test('flattens nested objects and array items into dotted names', () => {
	const names = schemaFields(SendMessageRequest).map((field) => field.name);
	expect(names).toEqual(['phoneNumbers', 'textMessage', 'textMessage.text']);
	const list = z.object({ keys: z.array(z.object({ kid: z.string() })) });
	expect(schemaFields(list).map((field) => field.name)).toEqual(['keys', 'keys[].kid']);
});

test('a schema that is not an object becomes one "(body)" row', () => {
	expect(schemaFields(z.array(z.string()))).toEqual([
		{ name: '(body)', type: 'string[]', required: true, description: '' },
	]);
});

test('a list body shows the fields of its items', () => {
	expect(schemaFields(ServiceTokenListResponse).map((field) => field.name)).toEqual([
		'(body)',
		'[].id',
		'[].name',
		'[].scopes',
		'[].expires_at',
		'[].renewed_from',
	]);
});
