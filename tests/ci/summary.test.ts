import { describe, expect, test } from 'vitest';
import { countsOf, summarize } from '../../.ci/summary.ts';

const VITEST = {
	numTotalTests: 7,
	numPassedTests: 4,
	numFailedTests: 1,
	numPendingTests: 1,
	numTodoTests: 1,
	success: false,
};

describe('.ci/summary.ts', () => {
	test('reads vitest’s JSON report and the conformance suite’s', () => {
		expect(countsOf(VITEST)).toEqual({ passed: 4, failed: 1, skipped: 2 });
		expect(countsOf({ suite: 'conformance', passed: 40, failed: 0 })).toEqual({
			passed: 40,
			failed: 0,
			skipped: 0,
		});
		expect(countsOf({ testResults: [] })).toBeUndefined();
		expect(countsOf('4 passed')).toBeUndefined();
	});

	test('adds every report into one line', () => {
		const files: Record<string, string> = {
			'unit.json': JSON.stringify(VITEST),
			'conformance.json': JSON.stringify({ passed: 40, failed: 0 }),
		};
		expect(summarize(Object.keys(files), (file) => files[file] ?? '')).toBe(
			'44 passed, 1 failed, 2 skipped'
		);
	});

	test('a report that is missing or not JSON counts as a failure, named', () => {
		const read = (file: string) => {
			if (file === 'text.json') return '      Tests  3 passed (3)';
			throw new Error(`ENOENT: ${file}`);
		};
		expect(summarize(['gone.json', 'text.json'], read)).toBe(
			'0 passed, 2 failed (no report: gone.json, text.json)'
		);
	});
});
