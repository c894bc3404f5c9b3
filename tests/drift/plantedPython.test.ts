/**
 * The defects the Python examples of the docs this project grew from actually had, planted one at
 * a time: each must turn `npm test` red with a message naming the planted file and line. Every tool
 * also gets the unplanted file, which it must pass, so a helper that failed whatever it was given
 * could not make these tests pass.
 */
import { describe, expect, test } from 'vitest';
import { scenarioDifference } from '../python/support/equivalence.ts';
import { failureReport } from '../python/support/pytestReport.ts';
import { plantText } from './plantInMemory.ts';
import { pyrightPlanted, pytestPlanted } from './plantPython.ts';

// A bound for a hung run, not a speed check: pytest and pyright on a busy 2-core machine are slow.
const TIMEOUT = 300_000;
const unplanted = (file: string) => plantText(file, { append: '' });
const EQUIVALENCE_FILE = 'tests/python/test_equivalence.py';

describe.concurrent('planted defects in the Python examples turn npm test red', () => {
	test(
		'Python that passes its own tests but sends another body: the equivalence check names the exchange',
		async () => {
			const file = 'examples/quick-start/issue_token_pair.py';
			const tests = ['tests/examples/quick-start/test_issue_token_pair.py', EQUIVALENCE_FILE];
			const clean = await pytestPlanted(unplanted(file), tests);
			expect(await scenarioDifference(clean, 'quick-start')).toBeUndefined();
			const planted = plantText(file, {
				find: 'json={"scopes": scopes},',
				replace: 'json={"scopes": scopes, "ttl": 900},',
			});
			const run = await pytestPlanted(planted, tests);
			expect(failureReport(run)).toBe('');
			expect(await scenarioDifference(run, 'quick-start')).toBe(
				[
					'exchange 1 of 5 (TypeScript) / 5 (Python) differs:',
					'  TypeScript: POST /3rdparty/v1/auth/token → 201; Authorization Basic, Content-Type application/json, X-CSRF absent, body {scopes}',
					'  Python:     POST /3rdparty/v1/auth/token → 201; Authorization Basic, Content-Type application/json, X-CSRF absent, body {scopes, ttl}',
				].join('\n')
			);
		},
		TIMEOUT
	);

	test(
		'a naive datetime.now() in the refresh delay: its test fails with the TypeError, at that line',
		async () => {
			const file = 'examples/token-pairs/refresh_delay.py';
			const tests = ['tests/examples/token-pairs/test_refresh_delay.py'];
			expect(failureReport(await pytestPlanted(unplanted(file), tests))).toBe('');
			const planted = plantText(file, {
				find: 'return datetime.now(timezone.utc)',
				replace: 'return datetime.now()',
			});
			const report = failureReport(await pytestPlanted(planted, tests));
			expect(report).toMatch(
				new RegExp(`at examples/token-pairs/refresh_delay\\.py:\\d+: TypeError`)
			);
			expect(report).toMatch(/can't subtract offset-naive and offset-aware datetimes/);
			expect(report).toMatch(/FAILED .*test_without_a_date_header_the_local_clock/);
		},
		TIMEOUT
	);

	test(
		'`== 200` where the API answers 201: the example’s test fails, naming the line and the 201',
		async () => {
			const file = 'examples/quick-start/issue_token_pair.py';
			const tests = ['tests/examples/quick-start/test_issue_token_pair.py'];
			expect(failureReport(await pytestPlanted(unplanted(file), tests))).toBe('');
			const planted = plantText(file, {
				find: 'if not response.ok:',
				replace: 'if response.status_code != 200:',
			});
			const report = failureReport(await pytestPlanted(planted, tests));
			expect(report).toMatch(/issuing a token pair failed: 201/);
			expect(report).toContain(`at ${file}:${planted.line + 1}: RuntimeError`);
		},
		TIMEOUT
	);

	test(
		'a call to a method that does not exist, in the daemon: pyright and its test fail, naming the line',
		async () => {
			const file = 'examples/long-running/token_daemon.py';
			expect(pyrightPlanted(unplanted(file)).exitCode).toBe(0);
			const planted = plantText(file, {
				find: 'self._schedule(self._with_retries())\n\n    @property',
				replace: 'self._schedule(self._refresh_with_retries())\n\n    @property',
			});
			const { exitCode, output } = pyrightPlanted(planted);
			expect(exitCode).not.toBe(0);
			expect(output).toMatch(
				new RegExp(
					`examples/long-running/token_daemon\\.py:${planted.line}:\\d+ - error: Cannot access attribute "_refresh_with_retries"`
				)
			);
			const tests = ['tests/examples/long-running/test_token_daemon.py'];
			const report = failureReport(await pytestPlanted(planted, tests));
			expect(report).toContain(`at ${file}:${planted.line}: AttributeError`);
		},
		TIMEOUT
	);
});
