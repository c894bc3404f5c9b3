/**
 * The Python examples, run by pytest once per `npm test` against the mock over HTTP
 * (tests/python/support/runPytest.ts), then checked here: every Python test passed (a failure
 * names its file and line), every example file ran to at least 90% of its lines, every exchange
 * fits the published OpenAPI document, and every scenario both languages implement made the same
 * exchanges in TypeScript as in Python.
 */
import { globSync } from 'node:fs';
import { beforeAll, describe, expect, test, vi } from 'vitest';
import { Clock } from '../../src/mock/clock/Clock.ts';
import { createMockApi } from '../../src/mock/createMockApi.ts';
import type { Exchange } from '../../src/mock/log/ExchangeLog.ts';
import { startHttpServer } from '../../src/mock/transports/http/startHttpServer.ts';
import { openApiDocument } from '../../src/site/openapi/openApiDocument.ts';
import { pythonProblem } from '../../src/verify/python/requirePython.ts';
import { ExchangeValidator } from '../../src/verify/openapi/ExchangeValidator.ts';
import { START } from '../support/testClock.ts';
import { exchangeShapes, firstDifference } from './support/exchangeShapes.ts';
import { failureReport, MIN_LINE_COVERAGE, uncoveredReport } from './support/pytestReport.ts';
import { ROOT, runPytest, type PytestRun } from './support/runPytest.ts';
import { scenarios } from './scenarios.ts';

const problem = pythonProblem();
const pythonExamples = globSync('**/*.py', { cwd: `${ROOT}/examples` }).sort();
const EQUIVALENCE = 'tests/python/test_equivalence.py::test_scenario';

let run: PytestRun;
beforeAll(async () => {
	if (problem === undefined) run = await runPytest();
}, 120_000);

test('Python 3.11+ with requests is installed', () => {
	expect(problem ?? 'ok').toBe('ok');
});

describe.skipIf(problem !== undefined)('Python examples', () => {
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

describe.skipIf(problem !== undefined)('TypeScript and Python make the same exchanges', () => {
	test('both languages implement the same scenarios', () => {
		const python = [...run.exchanges.keys()]
			.filter((id) => id.startsWith(`${EQUIVALENCE}[`))
			.map((id) => id.slice(EQUIVALENCE.length + 1, -1));
		expect(python.sort()).toEqual(Object.keys(scenarios).sort());
	});

	test.each(Object.keys(scenarios))('%s', async (name) => {
		const python = run.exchanges.get(`${EQUIVALENCE}[${name}]`) ?? [];
		const typescript = await runScenario(name);
		expect(typescript.length).toBeGreaterThan(0);
		expect(firstDifference(exchangeShapes(typescript), exchangeShapes(python))).toBeUndefined();
	});
});

/** Runs a TypeScript scenario against a fresh mock over HTTP, as the Python one ran. */
async function runScenario(name: string): Promise<Exchange[]> {
	const api = createMockApi({ clock: new Clock(() => START.getTime()) });
	const exchanges: Exchange[] = [];
	api.log.subscribe((exchange) => exchanges.push(exchange));
	const server = await startHttpServer({ api, port: 0 });
	// The examples' clock is the mock's, standing at START, as the Python side patches `datetime`.
	vi.useFakeTimers({ now: START, toFake: ['Date'] });
	try {
		await scenarios[name]!(server.url);
	} finally {
		vi.useRealTimers();
		await server.close();
	}
	return exchanges;
}
