/**
 * The Python examples, run by pytest once per `npm test` against the mock over HTTP
 * (tests/python/support/runPytest.ts), then checked here: every Python test passed (a failure
 * names its file and line), every example file ran to at least 90% of its lines, every exchange
 * fits the published OpenAPI document, and every scenario both languages implement made the same
 * exchanges in TypeScript as in Python.
 */
import { globSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { openApiDocument } from '../../src/site/openapi/openApiDocument.ts';
import { pythonProblem } from '../../src/verify/python/requirePython.ts';
import { ExchangeValidator } from '../../src/verify/openapi/ExchangeValidator.ts';
import { pythonScenarios, scenarioDifference } from './support/equivalence.ts';
import { failureReport, MIN_LINE_COVERAGE, uncoveredReport } from './support/pytestReport.ts';
import { ROOT, runPytest, type PytestRun } from './support/runPytest.ts';
import { scenarios } from './scenarios.ts';

const pythonExamples = globSync('**/*.py', { cwd: `${ROOT}/examples` }).sort();

let run: PytestRun;
beforeAll(async () => {
	// No Python, or one too old: every test here fails with what to install, none is skipped.
	const problem = pythonProblem();
	if (problem !== undefined) throw new Error(problem);
	run = await runPytest();
}, 600_000); // a bound for a hung pytest, not a speed check: a busy machine is slow

describe('Python examples', () => {
	test('every Python test passes', () => {
		expect(run.tests.length).toBeGreaterThan(0);
		expect(failureReport(run)).toBe('');
		expect(run.exitCode).toBe(0);
	});

	test.each(pythonExamples)(
		`examples/%s runs to at least ${MIN_LINE_COVERAGE}% of its lines`,
		(file) => {
			expect(uncoveredReport(run.coverage, file)).toBe('');
		}
	);

	test('every exchange of the Python tests fits the OpenAPI document', () => {
		const validator = new ExchangeValidator(openApiDocument());
		const problems = [...run.exchanges].flatMap(([test, exchanges]) =>
			exchanges.flatMap((exchange) => validator.check(exchange).map((p) => `${test}: ${p}`))
		);
		expect(problems).toEqual([]);
	});
});

describe('TypeScript and Python make the same exchanges', () => {
	test('both languages implement the same scenarios', () => {
		expect(pythonScenarios(run)).toEqual(Object.keys(scenarios).sort());
	});

	test.each(Object.keys(scenarios))('%s', async (name) => {
		expect(await scenarioDifference(run, name)).toBeUndefined();
	});
});
