/**
 * `npm run bench:mock` (part of `npm run bench`): how fast the mock answers, as ratios from one run.
 *
 * Over HTTP on loopback, at CONCURRENCY connections, with autocannon: `GET /3rdparty/v1/auth/jwks`
 * and issuing a pair (`POST /3rdparty/v1/auth/token`) from the mock as `npm run mock-api` serves
 * it, against a bare srvx server answering the same JWKS document, and a bare srvx server that
 * signs two ES256 tokens per request (the floor of issuing). Each server is a process of its own;
 * the rounds interleave the servers, so a machine that gets busier in between weighs on all of
 * them alike; medians of ROUNDS.
 *
 * In process, through `msw/node` as the unit tests use it: the CPU time per request of the same
 * two requests (`fetch` intercepted by `setupServer` with the mock's handlers).
 *
 * Bounded: each load run lasts SECONDS (default 5) and stops; loopback only. Figures, not a test:
 * results in bench/results/mock.md.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { setupServer } from 'msw/node';
import { createMockApi } from '../src/mock/createMockApi.ts';
import { median } from './lib/median.ts';

const QUICK = process.env['BENCH_QUICK'] === '1';
const ROUNDS = Number(process.env['BENCH_RUNS'] ?? (QUICK ? 1 : 3));
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? (QUICK ? 2 : 5));
const IN_PROCESS_REQUESTS = QUICK ? 500 : 3000;
const CONCURRENCY = 32;
const SERVER = fileURLToPath(new URL('./lib/benchServer.ts', import.meta.url));
const RESULTS = fileURLToPath(new URL('./results/mock.md', import.meta.url));

const JWKS = '/3rdparty/v1/auth/jwks';
const ISSUE = {
	path: '/3rdparty/v1/auth/token',
	method: 'POST' as const,
	headers: {
		Authorization: `Basic ${Buffer.from('demo:demo-password').toString('base64')}`,
		'Content-Type': 'application/json',
	},
	body: JSON.stringify({ scopes: ['messages:send'] }),
};

type Kind = 'mock' | 'bare' | 'bare-sign';

/** Starts `benchServer.ts <kind>` and resolves to its URL and the process. */
function startServer(kind: Kind): Promise<{ url: string; child: ChildProcess }> {
	const child = spawn(process.execPath, [SERVER, kind], { stdio: ['ignore', 'pipe', 'inherit'] });
	return new Promise((resolve, reject) => {
		let out = '';
		child.stdout!.setEncoding('utf8').on('data', (text: string) => {
			out += text;
			const line = out.split('\n')[0];
			if (out.includes('\n') && line) resolve({ url: line.trim(), child });
		});
		child.once('exit', (code) => reject(new Error(`bench server ${kind} exited with ${code}`)));
	});
}

interface Load {
	requests: number;
	p99: number;
	non2xx: number;
	errors: number;
}

async function load(url: string, request: autocannon.Request): Promise<Load> {
	const result = await autocannon({
		url,
		connections: CONCURRENCY,
		duration: SECONDS,
		requests: [request],
	});
	return {
		requests: result.requests.average,
		p99: result.latency.p99,
		non2xx: result.non2xx,
		errors: result.errors + result.timeouts,
	};
}

/** µs of this process's CPU per request for `count` calls of `send`, after a warm-up. */
async function cpuPerRequest(count: number, send: () => Promise<Response>): Promise<number> {
	for (let i = 0; i < 100; i++) await (await send()).arrayBuffer();
	const before = process.cpuUsage();
	for (let i = 0; i < count; i++) {
		const response = await send();
		if (!response.ok) throw new Error(`in process: ${response.status}`);
		await response.arrayBuffer();
	}
	const used = process.cpuUsage(before);
	return (used.user + used.system) / count;
}

async function inProcess(): Promise<{ jwks: number; issue: number }> {
	const api = createMockApi();
	const server = setupServer(...api.handlers);
	server.listen({ onUnhandledFrame: 'error' });
	try {
		const base = 'https://api.bench.test';
		const jwks = await cpuPerRequest(IN_PROCESS_REQUESTS, () => fetch(`${base}${JWKS}`));
		// The exchange log keeps at most its capacity; cleared so both runs see the same log.
		api.reset();
		const issue = await cpuPerRequest(IN_PROCESS_REQUESTS, () =>
			fetch(`${base}${ISSUE.path}`, ISSUE)
		);
		return { jwks, issue };
	} finally {
		server.close();
	}
}

const servers = {
	mock: await startServer('mock'),
	bare: await startServer('bare'),
	bareSign: await startServer('bare-sign'),
};
const samples: Record<'bare' | 'mockJwks' | 'bareSign' | 'mockIssue', Load[]> = {
	bare: [],
	mockJwks: [],
	bareSign: [],
	mockIssue: [],
};
try {
	for (let round = 1; round <= ROUNDS; round++) {
		samples.bare.push(await load(`${servers.bare.url}${JWKS}`, { method: 'GET' }));
		samples.mockJwks.push(await load(`${servers.mock.url}${JWKS}`, { method: 'GET' }));
		samples.bareSign.push(await load(`${servers.bareSign.url}${ISSUE.path}`, ISSUE));
		samples.mockIssue.push(await load(`${servers.mock.url}${ISSUE.path}`, ISSUE));
		console.log(
			`bench:mock: round ${round}: ${Object.entries(samples)
				.map(([name, runs]) => `${name} ${Math.round(runs.at(-1)!.requests)} req/s`)
				.join(', ')}`
		);
	}
} finally {
	for (const { child } of Object.values(servers)) child.kill();
}
const inProc = await inProcess();

const rate = (runs: Load[]) => median(runs.map((run) => run.requests));
const p99 = (runs: Load[]) => median(runs.map((run) => run.p99));
const failures = Object.values(samples)
	.flat()
	.reduce((sum, run) => sum + run.non2xx + run.errors, 0);
const bare = rate(samples.bare);
const row = (name: string, runs: Load[]) =>
	`| ${name} | ${Math.round(rate(runs))} | ${p99(runs)} ms | ${(rate(runs) / bare).toFixed(2)}× |`;
const report = [
	`Medians of ${ROUNDS} round(s) of ${SECONDS} s each, ${CONCURRENCY} connections, loopback; ` +
		`${new Date().toISOString().slice(0, 16)}Z.`,
	'',
	'| over HTTP | req/s | p99 | vs bare srvx (JWKS) |',
	'|---|---:|---:|---:|',
	row('bare srvx: the JWKS document', samples.bare),
	row('mock: `GET /3rdparty/v1/auth/jwks`', samples.mockJwks),
	row('bare srvx: two ES256 signatures (the floor of issuing)', samples.bareSign),
	row('mock: issuing a pair', samples.mockIssue),
	'',
	`Issuing a pair reaches ${(rate(samples.mockIssue) / rate(samples.bareSign)).toFixed(2)}× ` +
		'of the bare server that only signs its two tokens.',
	'',
	'| in process (`msw/node`, `fetch` intercepted) | CPU per request |',
	'|---|---:|',
	`| \`GET /3rdparty/v1/auth/jwks\` | ${Math.round(inProc.jwks)} µs |`,
	`| issuing a pair | ${Math.round(inProc.issue)} µs |`,
	...(failures > 0
		? ['', `${failures} answers were not 2xx or failed: the figures are void.`]
		: []),
];
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(RESULTS, `${report.join('\n')}\n`);
console.log(report.join('\n'));
process.exitCode = failures > 0 ? 1 : 0;
