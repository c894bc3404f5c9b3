import { describe, expect, test } from 'vitest';
import {
	exchangePattern,
	outcomeProblems,
	type ObservedOutcome,
} from '../../../src/runner/scenarios/outcomeProblems.ts';

const observed: ObservedOutcome = {
	ok: true,
	exchanges: ['setup DELETE /3rdparty/v1/auth/token/abc_123 204', 'POST /3rdparty/v1/messages 202'],
	result: '{"status": 202}',
	logs: ['pair x issued'],
};

describe('outcomeProblems', () => {
	test('matches a run that shows what the scenario documents', () => {
		const expected = {
			ok: true,
			exchanges: ['setup DELETE /3rdparty/v1/auth/token/* 204', 'POST /3rdparty/v1/messages 202'],
			result: '"status": 202',
			logs: ['issued'],
		};
		expect(outcomeProblems(expected, observed)).toEqual([]);
	});

	test('reports each difference', () => {
		const expected = {
			ok: false,
			exchanges: ['POST /3rdparty/v1/messages 202'],
			result: '401',
		};
		expect(outcomeProblems(expected, observed)).toEqual([
			expect.stringContaining('expected the action to throw, but it returned'),
			expect.stringContaining('expected exchanges ["POST /3rdparty/v1/messages 202"]'),
			expect.stringContaining('expected the result to contain "401"'),
			expect.stringContaining('expected logs containing []'),
		]);
	});
});

describe('exchangePattern', () => {
	test('a star is one path segment, and only that', () => {
		const pattern = exchangePattern('DELETE /t/* 204');
		expect(pattern.test('DELETE /t/abc 204')).toBe(true);
		expect(pattern.test('DELETE /t/a/b 204')).toBe(false);
		expect(pattern.test('DELETE /t/ 204')).toBe(false);
		expect(exchangePattern('GET /a.b 200').test('GET /aXb 200')).toBe(false);
	});
});
