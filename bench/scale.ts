/**
 * `npm run bench:scale` (part of `npm run bench`): how `npm test` grows with the documentation,
 * as the cost of each kind of thing a contributor adds.
 *
 * In a throwaway copy of the repository, times `npm test` and each of its stages (typecheck, lint,
 * unit, build) as the repository is, then with N generated units of one kind added, one kind at a
 * time (BENCH_KINDS, default all that this repository can hold):
 *
 * - `region`: an example file holding one region that calls the API, a test that runs it against
 *   the mock, and its section on a generated guide page (ten per page).
 * - `run-panel`: the same region shown with `run`, and its scenario (two stories) in
 *   `src/runner/scenarios/`; its cost above `region` is what the Run panel adds to `npm test`.
 *   The browser suite is timed apart at BENCH_BROWSER_SIZES (default 0 and 50): `npm run
 *   test:e2e` on the copy's build, filtered to the generated pages (`-t scale-`), so the
 *   difference from N = 0 is what the added pages and panels cost there.
 * - `fault-row`: a row of the fault matrix (an example under one more fault).
 * - `python-example`: the regions of `run-panel`, each with a Python file beside its TypeScript (the
 *   same region, a pytest test against the mock over HTTP); its cost above `run-panel` is what a
 *   Python example adds.
 *
 * A kind this repository cannot hold yet (its machinery has not landed) is reported as such, with
 * what it waits for, and not timed. Medians of BENCH_RUNS (default 3) runs per stage; the cost of
 * one added unit is the difference of `npm test` from the unchanged copy divided by N.
 *
 * Wall time on whatever machine runs it: never a test, never an assertion. `BENCH_QUICK=1` is a
 * smoke run (N = 3, one run, the unit stage limited to the generated tests and the site checks);
 * `BENCH_SIZES=0,50` picks the sizes (0 is always measured).
 * Results go to bench/results/scale.{json,md}; the table is printed too.
 */
import { spawnSync } from 'node:child_process';
import {
	cpSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	readdirSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { median } from './lib/median.ts';

const ROOT = resolve(import.meta.dirname, '..');
const QUICK = Boolean(process.env['BENCH_QUICK']);
const RUNS = QUICK ? 1 : Number(process.env['BENCH_RUNS'] ?? 3);
const SIZES = (
	process.env['BENCH_SIZES']
		? process.env['BENCH_SIZES'].split(',').map(Number)
		: QUICK
			? [3]
			: [50]
).filter((size) => size > 0);
const BROWSER_SIZES = process.env['BENCH_BROWSER_SIZES']
	? process.env['BENCH_BROWSER_SIZES'].split(',').map(Number)
	: QUICK
		? []
		: [0, 50];
const RESULTS = join(ROOT, 'bench/results');
const REGIONS_PER_PAGE = 10;
/** Copies live inside the repository (git-ignored), so packages resolve by the upward search. */
const WORK = join(ROOT, '.bench');
const SKIP = new Set(['node_modules', 'dist', '.astro', '.git', '.drift', '.bench', 'coverage']);

const STAGES: Record<string, readonly string[]> = {
	// The whole of it, as its lanes overlap; a smoke run times the stages alone.
	...(QUICK ? {} : { 'npm test': ['test'] }),
	typecheck: ['run', 'typecheck'],
	lint: ['run', 'lint'],
	unit: QUICK
		? [
				'exec',
				'--',
				'vitest',
				'run',
				'--coverage',
				'--coverage.include=examples/scale/**',
				'tests/examples/scale',
				'tests/site',
				'tests/python',
			]
		: ['run', 'test:unit'],
	build: ['run', 'build'],
};
type Stage = string;

/** Seconds per stage, medians over the runs, for one size. */
type Timings = Record<Stage, number>;

/** Stages that exited non-zero: still timed (a red repository is measured as it is), but marked. */
const failures = new Set<string>();

function copyRepository(): string {
	mkdirSync(WORK, { recursive: true });
	const dir = mkdtempSync(join(WORK, 'copy-'));
	for (const entry of readdirSync(ROOT)) {
		if (!SKIP.has(entry)) cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
	}
	return dir;
}

/** A kind of addition: what it writes into the copy, or why this repository cannot hold it yet. */
interface Kind {
	/** Adds `count` units to the copy, or returns why it cannot (the machinery it waits for). */
	generate(dir: string, count: number): string | undefined;
}

const KINDS: Record<string, Kind> = {
	region: { generate: (dir, count) => generateRegions(dir, count, { runPanels: false }) },
	'run-panel': { generate: (dir, count) => generateRegions(dir, count, { runPanels: true }) },
	'fault-row': {
		generate: (dir) =>
			existsSync(join(dir, 'src/mock/faults'))
				? 'the fault matrix is in src/mock/faults/, but no generator for its rows is written yet (bench/scale.ts, KINDS)'
				: 'waits for the fault matrix (src/mock/faults/ and its per-example rows)',
	},
	// The same regions with Run panels, each with its Python beside it: its cost above
	// `run-panel` is what a Python example adds.
	'python-example': {
		generate: (dir, count) => {
			generateRegions(dir, count, { runPanels: true, python: true });
			listScaleFolder(dir, true);
			return undefined;
		},
	},
};
const KIND_NAMES = process.env['BENCH_KINDS']
	? process.env['BENCH_KINDS'].split(',')
	: Object.keys(KINDS);

/** Removes every generated unit, of any kind. */
function clean(dir: string): void {
	listScaleFolder(dir, false);
	rmSync(join(dir, 'examples/scale'), { recursive: true, force: true });
	rmSync(join(dir, 'tests/examples/scale'), { recursive: true, force: true });
	rmSync(join(dir, 'src/runner/scenarios/scale'), { recursive: true, force: true });
	for (const entry of readdirSync(join(dir, 'src/content/docs/guides'))) {
		if (entry.startsWith('scale-')) rmSync(join(dir, 'src/content/docs/guides', entry));
	}
}

/**
 * Adds `count` regions: examples/scale/, tests/examples/scale/, src/content/docs/guides/scale-*,
 * and with `runPanels` their scenarios in src/runner/scenarios/scale/ and `run` on their tags.
 */
function generateRegions(
	dir: string,
	count: number,
	options: { runPanels: boolean; python?: boolean }
): undefined {
	mkdirSync(join(dir, 'examples/scale'), { recursive: true });
	mkdirSync(join(dir, 'tests/examples/scale'), { recursive: true });
	if (options.runPanels) mkdirSync(join(dir, 'src/runner/scenarios/scale'), { recursive: true });
	const pages = Math.ceil(count / REGIONS_PER_PAGE);
	for (let page = 0; page < pages; page++) {
		const shown: string[] = [];
		for (let i = page * REGIONS_PER_PAGE; i < Math.min(count, (page + 1) * REGIONS_PER_PAGE); i++) {
			const name = `scale-${i}`;
			writeFileSync(join(dir, `examples/scale/${name}.ts`), exampleSource(name, page));
			writeFileSync(join(dir, `tests/examples/scale/${name}.test.ts`), testSource(name));
			if (options.runPanels) {
				writeFileSync(join(dir, `src/runner/scenarios/scale/${name}.ts`), scenarioSource(name));
			}
			if (options.python) {
				const module = name.replaceAll('-', '_');
				writeFileSync(join(dir, `examples/scale/${module}.py`), pythonSource(name, page));
				writeFileSync(join(dir, `tests/examples/scale/test_${module}.py`), pytestSource(name));
			}
			const run = options.runPanels ? ' run' : '';
			shown.push(
				`## The \`${name}\` region\n\n<Example file="scale/${name}.ts" region="${name}"${run} />\n`
			);
		}
		writeFileSync(
			join(dir, `src/content/docs/guides/scale-${page}.mdx`),
			`---\ntitle: Scale page ${page}\ndescription: A generated page of the scale benchmark.\n---\n\n` +
				`import Example from '../../../components/Example.astro';\n\n` +
				`Generated regions, each issuing a token pair.\n\n${shown.join('\n')}`
		);
	}
	return undefined;
}

/** pyright's extraPaths (pyproject.toml) lists the topic folders; scale/ joins them for a run. */
function listScaleFolder(dir: string, python: boolean): void {
	const path = join(dir, 'pyproject.toml');
	const text = readFileSync(path, 'utf8').replace('\t"examples/scale",\n', '');
	const listed = python
		? text.replace('extraPaths = [\n', 'extraPaths = [\n\t"examples/scale",\n')
		: text;
	writeFileSync(path, listed);
}

function pythonSource(name: string, page: number): string {
	const module = name.replaceAll('-', '_');
	return `"""A generated example of the scale benchmark: issues a token pair.

See /guides/scale-${page}/
"""

import requests


# #region ${name}
def ${module}(base_url: str, username: str, password: str) -> str:
    response = requests.post(
        f"{base_url}/3rdparty/v1/auth/token",
        auth=(username, password),
        json={"scopes": ["messages:read"]},
        timeout=10,
    )
    if not response.ok:
        raise RuntimeError(f"issuing failed: {response.status_code}")
    access_token: str = response.json()["access_token"]
    return access_token
# #endregion ${name}
`;
}

function pytestSource(name: string): string {
	const module = name.replaceAll('-', '_');
	return `import pytest

from mock_api import DEMO
from ${module} import ${module}


def test_issues_a_token_pair(base_url: str) -> None:
    assert "." in ${module}(base_url, *DEMO)


def test_a_wrong_password_is_an_error(base_url: str) -> None:
    with pytest.raises(RuntimeError, match="401"):
        ${module}(base_url, DEMO[0], "x")
`;
}

function functionName(name: string): string {
	return name.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase());
}

function exampleSource(name: string, page: number): string {
	return `/**
 * A generated example of the scale benchmark: issues a token pair.
 *
 * @see /guides/scale-${page}/
 */

// #region ${name}
export async function ${functionName(name)}(options: {
	baseUrl: string;
	username: string;
	password: string;
}): Promise<string> {
	const response = await fetch(\`\${options.baseUrl}/3rdparty/v1/auth/token\`, {
		method: 'POST',
		headers: {
			Authorization: \`Basic \${btoa(\`\${options.username}:\${options.password}\`)}\`,
			'Content-Type': 'application/json',
		},
		body: JSON.stringify({ scopes: ['messages:read'] }),
	});
	if (!response.ok) throw new Error(\`issuing failed: \${response.status}\`);
	const body = (await response.json()) as { access_token: string };
	return body.access_token;
}
// #endregion ${name}
`;
}

function testSource(name: string): string {
	return `import { expect, test } from 'vitest';
import { ${functionName(name)} } from '../../../examples/scale/${name}.ts';
import { BASE_URL, DEMO, useMockApi } from '../../support/useMockApi.ts';

useMockApi();

test('issues a token pair', async () => {
	expect(await ${functionName(name)}({ baseUrl: BASE_URL, ...DEMO })).toMatch(/\\./);
});

test('a wrong password is an error', async () => {
	await expect(${functionName(name)}({ baseUrl: BASE_URL, ...DEMO, password: 'x' })).rejects.toThrow(/401/);
});
`;
}

function scenarioSource(name: string): string {
	return `import { ${functionName(name)} } from '../../../../examples/scale/${name}.ts';
import { exchange } from '../exchange.ts';
import { defineScenario, type Scenario } from '../Scenario.ts';

const ISSUE = exchange('issueTokenPair');

export const scenarios: readonly Scenario[] = [
	defineScenario({
		file: 'scale/${name}.ts',
		region: '${name}',
		summary: 'Issues a token pair with the demo account.',
		state: () => ({}),
		actions: {
			run: { label: 'Run', run: ({ baseUrl, credentials }) => ${functionName(name)}({ baseUrl, ...credentials }) },
		},
		stories: [
			{
				says: 'The API issues a pair; the result is access token 1.',
				steps: [{ action: 'run', expect: { ok: true, exchanges: [ISSUE], result: '‹access token 1›' } }],
			},
			{
				says: 'Each run is a new login: the second run returns access token 2.',
				steps: [
					{ action: 'run', expect: { ok: true, exchanges: [ISSUE], result: '‹access token 1›' } },
					{ action: 'run', expect: { ok: true, exchanges: [ISSUE], result: '‹access token 2›' } },
				],
			},
		],
	}),
];
`;
}

/** The browser suite on the copy's build, limited to the generated pages. */
const BROWSER = ['run', 'test:e2e', '--', '-t', 'scale-'] as const;

function time(dir: string, stage: Stage | 'browser'): number {
	const started = process.hrtime.bigint();
	const result = spawnSync('npm', [...(stage === 'browser' ? BROWSER : STAGES[stage]!)], {
		cwd: dir,
		encoding: 'utf8',
		env: {
			...process.env,
			NO_COLOR: '1',
			FORCE_COLOR: '0',
			...(stage === 'browser' ? { E2E_SITE_DIST: 'dist' } : {}),
		},
	});
	const seconds = Number(process.hrtime.bigint() - started) / 1e9;
	if (result.status !== 0) {
		failures.add(stage);
		console.warn(
			`bench:scale: ${stage} failed:\n${`${result.stdout}\n${result.stderr}`.slice(-1500)}`
		);
	}
	return seconds;
}

function measure(dir: string, label: string): Timings {
	const timings = {} as Timings;
	for (const stage of Object.keys(STAGES) as Stage[]) {
		const samples = Array.from({ length: RUNS }, () => time(dir, stage));
		timings[stage] = median(samples);
		console.log(`bench:scale: ${label} ${stage} ${samples.map((s) => s.toFixed(1)).join(' ')} s`);
	}
	return timings;
}

/** The browser suite's median time for one size: the build it serves is made first, untimed. */
function measureBrowser(dir: string, size: number): number {
	clean(dir);
	if (size > 0) generateRegions(dir, size, { runPanels: true });
	if (spawnSync('npm', ['run', 'build'], { cwd: dir }).status !== 0) failures.add('browser');
	const samples = Array.from({ length: RUNS }, () => time(dir, 'browser'));
	console.log(`bench:scale: N=${size} browser ${samples.map((s) => s.toFixed(1)).join(' ')} s`);
	return median(samples);
}

function browserTable(results: Record<number, number>): string {
	const base = results[0] ?? 0;
	const rows = Object.entries(results).map(([size, seconds]) => {
		const n = Number(size);
		const perPanel = n === 0 ? '' : `${(((seconds - base) / n) * 1000).toFixed(0)} ms`;
		const mark = failures.has('browser') ? ' †' : '';
		return `| ${n} | ${seconds.toFixed(1)} s${mark} | ${perPanel} |`;
	});
	return [
		'| Run panels added | browser suite (generated pages) | per added Run panel |',
		'|---:|---:|---:|',
		...rows,
	].join('\n');
}

/** `npm test`'s time, or in a smoke run the sum of the stages timed. */
const total = (timings: Timings) =>
	timings['npm test'] ?? Object.values(timings).reduce((sum, value) => sum + value, 0);

/** One measured row: a kind at a size, its stages' medians, or why it was not measured. */
interface Row {
	kind: string;
	size: number;
	timings?: Timings;
	notYet?: string;
}

function table(base: Timings, rows: readonly Row[]): string {
	const stages = Object.keys(STAGES) as Stage[];
	const cells = (timings: Timings) =>
		stages.map(
			(stage) => `${(timings[stage] ?? 0).toFixed(1)} s${failures.has(stage) ? ' †' : ''}`
		);
	const lines = rows.map(({ kind, size, timings, notYet }) => {
		if (!timings)
			return `| ${kind} | — | ${stages.map(() => '').join(' | ')} | not yet: ${notYet} |`;
		const perUnit = ((total(timings) - total(base)) / size) * 1000;
		return `| ${kind} | ${size} | ${cells(timings).join(' | ')} | ${perUnit.toFixed(0)} ms |`;
	});
	const note =
		failures.size > 0 ? ['', '† the stage failed on this repository (timed anyway).'] : [];
	return [
		`| Added | N | ${stages.join(' | ')} | per added unit (npm test) |`,
		`|---|---:|${stages.map(() => '---:').join('|')}|---:|`,
		`| nothing | 0 | ${cells(base).join(' | ')} | |`,
		...lines,
		...note,
	].join('\n');
}

const dir = copyRepository();
try {
	console.log(`bench:scale: ${QUICK ? 'quick, ' : ''}${RUNS} run(s) per stage in ${dir}`);
	const spawnResult = spawnSync('npm', ['exec', '--', 'astro', 'sync'], { cwd: dir });
	if (spawnResult.status !== 0) throw new Error('astro sync failed in the copy');
	clean(dir);
	const base = measure(dir, 'nothing added');
	const rows: Row[] = [];
	for (const kind of KIND_NAMES) {
		const generator = KINDS[kind];
		if (!generator)
			throw new Error(`unknown kind ${kind}: one of ${Object.keys(KINDS).join(', ')}`);
		for (const size of SIZES) {
			clean(dir);
			const notYet = generator.generate(dir, size);
			rows.push(
				notYet === undefined
					? { kind, size, timings: measure(dir, `${kind} × ${size}`) }
					: { kind, size, notYet }
			);
			if (notYet !== undefined) break;
		}
	}
	const browser: Record<number, number> = {};
	for (const size of BROWSER_SIZES) browser[size] = measureBrowser(dir, size);
	const markdown =
		BROWSER_SIZES.length > 0
			? `${table(base, rows)}\n\n${browserTable(browser)}`
			: table(base, rows);
	mkdirSync(RESULTS, { recursive: true });
	writeFileSync(
		join(RESULTS, 'scale.json'),
		JSON.stringify({ quick: QUICK, runs: RUNS, base, rows, browser }, null, 2)
	);
	writeFileSync(join(RESULTS, 'scale.md'), `${markdown}\n`);
	console.log(`\n${markdown}`);
} finally {
	rmSync(dir, { recursive: true, force: true });
}
