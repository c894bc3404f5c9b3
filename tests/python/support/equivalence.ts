import { vi } from 'vitest';
import { Clock } from '../../../src/mock/clock/Clock.ts';
import { createMockApi } from '../../../src/mock/createMockApi.ts';
import type { Exchange } from '../../../src/mock/log/ExchangeLog.ts';
import { startHttpServer } from '../../../src/mock/transports/http/startHttpServer.ts';
import { START } from '../../support/testClock.ts';
import { scenarios } from '../scenarios.ts';
import { exchangeShapes, firstDifference } from './exchangeShapes.ts';
import type { PytestRun } from './runPytest.ts';

/** The node id prefix of the Python scenarios (tests/python/test_equivalence.py). */
export const EQUIVALENCE = 'tests/python/test_equivalence.py::test_scenario';

/** The scenarios the Python run implemented, by name. */
export function pythonScenarios(run: Pick<PytestRun, 'exchanges'>): string[] {
	return [...run.exchanges.keys()]
		.filter((id) => id.startsWith(`${EQUIVALENCE}[`))
		.map((id) => id.slice(EQUIVALENCE.length + 1, -1))
		.sort();
}

/**
 * Runs the TypeScript side of scenario `name` against a fresh mock over HTTP, as the Python side
 * ran in `run`, and compares what the mock saw: undefined when the same, else the first exchange
 * that differs.
 */
export async function scenarioDifference(
	run: Pick<PytestRun, 'exchanges'>,
	name: string
): Promise<string | undefined> {
	const python = run.exchanges.get(`${EQUIVALENCE}[${name}]`);
	if (python === undefined) return `the Python run has no scenario "${name}"`;
	const typescript = await runScenario(name);
	if (typescript.length === 0) return `the TypeScript scenario "${name}" made no exchange`;
	return firstDifference(exchangeShapes(typescript), exchangeShapes(python));
}

/** The TypeScript scenario against a fresh mock over HTTP, its clock standing at START. */
async function runScenario(name: string): Promise<Exchange[]> {
	const scenario = scenarios[name];
	if (scenario === undefined) throw new Error(`no TypeScript scenario "${name}"`);
	const api = createMockApi({ clock: new Clock(() => START.getTime()) });
	const exchanges: Exchange[] = [];
	api.log.subscribe((exchange) => exchanges.push(exchange));
	const server = await startHttpServer({ api, port: 0 });
	// The examples' clock is the mock's, as the Python side patches `datetime`.
	vi.useFakeTimers({ now: START, toFake: ['Date'] });
	try {
		await scenario(server.url);
	} finally {
		vi.useRealTimers();
		await server.close();
	}
	return exchanges;
}
