import { describe, expect, test } from 'vitest';
import type { z } from 'zod';
import {
	CreateServiceTokenRequest,
	IssueTokenRequest,
	LoginRequest,
	RenewServiceTokenRequest,
} from '../../../src/mock/contract/schemas.ts';
import { validate } from '../../../src/mock/contract/validate.ts';

const nested = (depth: number): unknown => (depth === 0 ? [] : [nested(depth - 1)]);

describe('request schemas answer with catalogue ids, whatever the input', () => {
	test.each([
		{ name: 'a string', scope: 'messages:fly', shown: 'messages:fly' },
		{ name: 'a number', scope: 42, shown: '42' },
		{ name: 'null', scope: null, shown: 'null' },
		{
			name: 'an object whose toString is not a function',
			scope: { toString: 'x' },
			shown: '(object)',
		},
		{ name: 'arrays nested 5000 deep', scope: nested(5000), shown: '(an array)' },
	])('an unknown scope given as $name is named safely', ({ scope, shown }) => {
		const bodies = [
			{ schema: IssueTokenRequest, body: { scopes: [scope] } },
			{ schema: CreateServiceTokenRequest, body: { name: 'n', scopes: [scope] } },
		];
		for (const { schema, body } of bodies) {
			expect(validate(schema, body)).toEqual({
				ok: false,
				failure: { id: 'unknownScope', params: { scope: shown, field: shown } },
			});
		}
	});

	test.each<{ schema: z.ZodType; value: unknown }>([
		{ schema: LoginRequest, value: { username: 'u', password: 'p' } },
		{ schema: RenewServiceTokenRequest, value: {} },
		{ schema: RenewServiceTokenRequest, value: { ttl: 0 } },
		{ schema: CreateServiceTokenRequest, value: { name: 'ünïcödé ✓', scopes: ['logs:read'] } },
	])('accepts a valid body %#', ({ schema, value }) => {
		expect(validate(schema, value).ok).toBe(true);
	});
});
