import { describe, expect, test } from 'vitest';
import {
	captureConsole,
	formatArgument,
	type LoggedLine,
} from '../../../src/runner/runtime/captureConsole.ts';

describe('captureConsole', () => {
	test('records every level instead of printing, and restores the console', async () => {
		const log = console.log;
		const lines: LoggedLine[] = [];
		const value = await captureConsole(lines, async () => {
			console.log('pair', { id: 'x' });
			console.error(new TypeError('bad'));
			console.warn(3, 'n');
			return 'done';
		});
		expect(value).toBe('done');
		expect(lines).toEqual([
			{ level: 'log', text: 'pair {\n  "id": "x"\n}' },
			{ level: 'error', text: 'TypeError: bad' },
			{ level: 'warn', text: '3 n' },
		]);
		expect(console.log).toBe(log);
	});

	test('restores the console when the work throws', async () => {
		const error = console.error;
		await expect(captureConsole([], () => Promise.reject(new Error('x')))).rejects.toThrow('x');
		expect(console.error).toBe(error);
	});
});

describe('formatArgument', () => {
	test.each([
		['text', 'text'],
		[undefined, 'undefined'],
		[null, 'null'],
		[12n, '12n'],
		[function named() {}, '[function named]'],
		[[1, 'a'], '[\n  1,\n  "a"\n]'],
	])('%o → %j', (value, text) => {
		expect(formatArgument(value)).toBe(text);
	});

	test('falls back to String for values JSON cannot show', () => {
		const cyclic: Record<string, unknown> = {};
		cyclic['self'] = cyclic;
		expect(formatArgument(cyclic)).toBe('[object Object]');
	});
});
