import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { http, HttpResponse } from 'msw';
import { Clock } from '../../../src/mock/clock/Clock.ts';
import type { MockSettings } from '../../../src/mock/MockContext.ts';
import { createMockApi, type MockApiOptions } from '../../../src/mock/createMockApi.ts';
import type { Exchange } from '../../../src/mock/log/ExchangeLog.ts';
import { type Fault, type FaultTarget, faultsOf } from '../../../src/mock/faults/Faults.ts';
import { startHttpServer } from '../../../src/mock/transports/http/startHttpServer.ts';
import { START } from '../../support/testClock.ts';
import { PYTHON } from '../../../src/verify/python/requirePython.ts';

export const ROOT = resolve(import.meta.dirname, '../../..');

/** One pytest test as tests/conftest.py reports it. */
export interface PytestOutcome {
	nodeid: string;
	/** `setup`, `call` or `teardown`: where it failed, or `call` when it passed. */
	when?: string;
	outcome: 'passed' | 'failed' | 'skipped';
	/** pytest's own account of a failure. */
	message?: string;
	/** `path:line: message` for each frame of a failure inside the repository, outermost first. */
	locations?: string[];
}

/** Per example file (relative to `examples/`): executable lines and the lines that ran. */
export type LineCoverage = Record<string, { executable: number[]; hit: number[] }>;

/** What one pytest session did and what the mock saw of it. */
export interface PytestRun {
	exitCode: number | null;
	/** pytest's console output (stdout and stderr). */
	output: string;
	tests: PytestOutcome[];
	coverage: LineCoverage;
	/** Every API exchange, by the id of the test that made it (each test starts on a reset mock). */
	exchanges: Map<string, Exchange[]>;
}

export interface PytestOptions {
	/** pytest arguments: test files or node ids; default: every Python test. */
	args?: readonly string[];
	/** A planted copy of `examples/` to test instead of the repository's. */
	examplesDir?: string;
	mock?: MockApiOptions;
}

/**
 * Runs pytest once, as a child process, against one mock served over HTTP on a free port (the same
 * server `npm run mock-api` runs), its clock standing at START until a test moves it through
 * `/__mock/clock`. Every test starts with `POST /__mock/test` (tests/conftest.py), which resets the
 * mock and names the test, so the exchanges each test made are known.
 */
export async function runPytest(options: PytestOptions = {}): Promise<PytestRun> {
	const api = createMockApi({ clock: new Clock(() => START.getTime()), ...options.mock });
	const initial = { ...api.settings };
	const exchanges = new Map<string, Exchange[]>();
	let current: Exchange[] = [];
	api.log.subscribe((exchange) => current.push(exchange));
	// Test-only, in front of the API: a fresh mock for the named test, in the settings it asks for
	// (`reusePolicy`, `overlapSeconds`), and the list its exchanges go to. Answered synchronously,
	// before the test's first request can arrive.
	const beginTest = http.post(
		({ request }) => ({ matches: new URL(request.url).pathname === '/__mock/test', params: {} }),
		async ({ request }) => {
			const { id, settings = {} } = (await request.json()) as {
				id: string;
				settings?: Partial<MockSettings>;
			};
			api.reset();
			faultsOf(served).clear();
			Object.assign(api.settings, initial, settings);
			current = [];
			exchanges.set(id, current);
			return new HttpResponse(null, { status: 204 });
		}
	);
	// Test-only too: arms one of the fault layer's faults (src/mock/faults) for the next matching
	// request(s), as a TypeScript test does in-process. The faults a JSON body can name: `lost`,
	// `html`, `rateLimited`, `resetMidBody`, `truncated`, and `rewrite` with `set` (fields merged
	// into the answer's body) and `dropDate`.
	const armFault = http.post(
		({ request }) => ({ matches: new URL(request.url).pathname === '/__mock/fault', params: {} }),
		async ({ request }) => {
			const { method, path, times, fault } = (await request.json()) as FaultTarget & {
				fault: JsonFault;
			};
			faultsOf(served).arm(
				{ method, path, ...(times === undefined ? {} : { times }) },
				toFault(fault)
			);
			return new HttpResponse(null, { status: 204 });
		}
	);
	const served = { ...api, handlers: [beginTest, armFault, ...api.handlers] };
	const server = await startHttpServer({ api: served, port: 0 });
	const reportDir = mkdtempSync(join(tmpdir(), 'pytest-'));
	const reportFile = join(reportDir, 'report.json');
	try {
		const { exitCode, output } = await run(PYTHON, ['-m', 'pytest', ...(options.args ?? [])], {
			...process.env,
			MOCK_API_URL: server.url,
			PYTEST_REPORT_FILE: reportFile,
			PYTHONDONTWRITEBYTECODE: '1',
			...(options.examplesDir === undefined ? {} : { EXAMPLES_DIR: options.examplesDir }),
		});
		let report: { tests: PytestOutcome[]; coverage: LineCoverage };
		try {
			report = JSON.parse(readFileSync(reportFile, 'utf8')) as typeof report;
		} catch {
			throw new Error(`pytest wrote no report (exit code ${exitCode}):\n${output}`);
		}
		return { exitCode, output, tests: report.tests, coverage: report.coverage, exchanges };
	} finally {
		rmSync(reportDir, { recursive: true, force: true });
		await server.close();
	}
}

function run(
	command: string,
	args: string[],
	env: NodeJS.ProcessEnv
): Promise<{ exitCode: number | null; output: string }> {
	return new Promise((resolvePromise, reject) => {
		const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.on('error', reject);
		child.on('close', (exitCode) => resolvePromise({ exitCode, output }));
	});
}

/** A fault as a Python test names it in JSON. */
type JsonFault =
	| Exclude<Fault, { kind: 'rewrite' } | { kind: 'slow' } | { kind: 'hang' }>
	| { kind: 'rewrite'; set?: Record<string, unknown>; dropDate?: boolean };

function toFault(fault: JsonFault): Fault {
	if (fault.kind !== 'rewrite') return fault;
	const { set, dropDate } = fault;
	return {
		kind: 'rewrite',
		...(set === undefined
			? {}
			: { body: (body: Record<string, unknown>) => ({ ...body, ...set }) }),
		...(dropDate === undefined ? {} : { dropDate }),
	};
}
