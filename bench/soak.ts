/**
 * `npm run bench:soak` (also the last step of `npm run bench`): mixed valid and hostile traffic
 * against `npm run mock-api` on loopback, to show it neither answers 5xx nor grows its memory.
 *
 * Two runs, each on a fresh server: "mixed" (token pairs issued, used, refreshed and revoked,
 * interleaved with bad JSON, wrong methods, unknown paths, odd methods, URLs and headers over the
 * limits, bad credentials, bodies over 64 KiB) and "60 KiB rejected" (logins with a 60 KiB
 * username, each a 401). Each run sends ROUNDS × REQUESTS requests at CONCURRENCY and reads the
 * server's RSS before, and after each round. Bounded: each run stops after DEADLINE_MS.
 *
 * The server runs with its heap capped (HEAP_MIB). Fails (exit 1) on any answer that is neither 2xx nor 4xx (5xx, a reset, a hang), or when RSS
 * grows by more than RSS_BUDGET between the end of the first round and the end of the last.
 * Figures, not assertions about speed: this machine is shared, and speed is not a pass condition.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';

const REQUESTS = Number(process.env['SOAK_REQUESTS'] ?? 20_000);
const ROUNDS = Number(process.env['SOAK_ROUNDS'] ?? 2);
const CONCURRENCY = 32;
const DEADLINE_MS = 10 * 60_000;
const RSS_BUDGET = 20 * 1024 * 1024;
/**
 * The server's heap cap. V8's default lets garbage pile up for gigabytes before a full collection,
 * which would look like growth; under a cap it is collected, and a real leak shows as growth or
 * as a crash (every later request fails), both of which fail the run.
 */
const HEAP_MIB = 96;
const MAIN = fileURLToPath(new URL('../src/mock/transports/http/main.ts', import.meta.url));

/** One request of the mix; returns the status (0: no HTTP answer). */
type Step = (base: string) => Promise<number>;

const basic = `Basic ${Buffer.from('demo:demo-password').toString('base64')}`;
const json = { 'Content-Type': 'application/json' };

async function status(base: string, path: string, init: RequestInit = {}): Promise<number> {
	const response = await fetch(`${base}${path}`, { ...init, signal: AbortSignal.timeout(10_000) });
	await response.arrayBuffer();
	return response.status;
}

/** Raw bytes on a fresh connection, for what fetch will not send; the status of the answer. */
function raw(base: string, bytes: string): Promise<number> {
	const { hostname, port } = new URL(base);
	return new Promise((resolve) => {
		const socket = connect(Number(port), hostname);
		let text = '';
		const done = () => {
			clearTimeout(timer);
			socket.destroy();
			resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0));
		};
		const timer = setTimeout(done, 10_000);
		socket.on('data', (data) => {
			text += data.toString('latin1');
			if (text.includes('\r\n\r\n')) done();
		});
		socket.on('error', done);
		socket.on('close', done);
		socket.on('connect', () => socket.write(bytes));
	});
}

/** A token pair's whole life: issue, use, refresh, use the new one, revoke. */
const pairLife: Step[] = [
	async (base) => {
		const issued = await fetch(`${base}/3rdparty/v1/auth/token`, {
			method: 'POST',
			headers: { Authorization: basic, ...json },
			body: JSON.stringify({ scopes: ['messages:send', 'messages:read'] }),
		});
		const pair = (await issued.json()) as {
			id: string;
			access_token: string;
			refresh_token: string;
		};
		const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
		const used = await status(base, '/3rdparty/v1/messages/nope', {
			headers: bearer(pair.access_token),
		});
		const refreshed = await fetch(`${base}/3rdparty/v1/auth/token/refresh`, {
			method: 'POST',
			headers: bearer(pair.refresh_token),
		});
		const next = (await refreshed.json()) as { access_token: string };
		await status(base, '/3rdparty/v1/messages', {
			method: 'POST',
			headers: { ...bearer(next.access_token), ...json },
			body: JSON.stringify({ phoneNumbers: ['+15555550100'], textMessage: { text: 'soak' } }),
		});
		const revoked = await status(base, `/3rdparty/v1/auth/token/${pair.id}`, {
			method: 'DELETE',
			headers: { Authorization: basic },
		});
		return Math.max(issued.status, used, refreshed.status, revoked);
	},
];

const hostile: Step[] = [
	(base) =>
		status(base, '/3rdparty/v1/auth/token', {
			method: 'POST',
			headers: { Authorization: basic, ...json },
			body: '{"scopes": [',
		}),
	(base) => status(base, '/3rdparty/v1/auth/token', { method: 'GET' }),
	(base) =>
		status(base, '/3rdparty/v1/auth/token/refresh', {
			method: 'DELETE',
			headers: { Authorization: basic },
		}),
	(base) => status(base, '/3rdparty/v1/no/such/path'),
	(base) => status(base, `/3rdparty/v1/messages/${'a'.repeat(9000)}`),
	(base) =>
		status(base, '/3rdparty/v1/messages/x', { headers: { Authorization: 'Bearer e30.e30.e30' } }),
	(base) =>
		status(base, '/3rdparty/v1/auth/token', {
			method: 'POST',
			headers: { Authorization: 'Basic !!!' },
			body: '{}',
		}),
	(base) =>
		status(base, '/3rdparty/v1/auth/token', {
			method: 'POST',
			headers: { Authorization: basic, ...json },
			body: JSON.stringify({ scopes: ['messages:read'], pad: 'x'.repeat(70_000) }),
		}),
	(base) =>
		status(base, '/auth/refresh', {
			method: 'POST',
			headers: { Cookie: 'refresh_token=a; refresh_token=b', 'X-CSRF': '1' },
		}),
	(base) => raw(base, 'TRACE /3rdparty/v1/messages HTTP/1.1\r\nHost: x\r\n\r\n'),
	(base) => raw(base, 'GET /3rdparty/v1/auth/jwks HTTP/1.1\r\n\r\n'),
	(base) => raw(base, 'POST /auth/login HTTP/1.1\r\nHost: x\r\nExpect: tea\r\n\r\n'),
	(base) => raw(base, `GET / HTTP/1.1\r\nHost: x\r\nX-Pad: ${'a'.repeat(20_000)}\r\n\r\n`),
	(base) => raw(base, 'GARBAGE\r\n\r\n'),
	(base) =>
		raw(
			base,
			'POST /3rdparty/v1/auth/token HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n'
		),
];

const valid: Step[] = [...pairLife, (base) => status(base, '/3rdparty/v1/auth/jwks')];

/** Mixed: about a third valid (a pair's life counts as five requests), the rest hostile. */
const MIXED: { step: Step; requests: number }[] = [
	...valid.map((step, i) => ({ step, requests: i === 0 ? 5 : 1 })),
	...hostile.map((step) => ({ step, requests: 1 })),
];
const REJECTED_60K: { step: Step; requests: number }[] = [
	{
		step: (base) =>
			status(base, '/auth/login', {
				method: 'POST',
				headers: json,
				body: JSON.stringify({ username: 'u'.repeat(60 * 1024), password: 'x' }),
			}),
		requests: 1,
	},
];

function rssOf(pid: number): number {
	const line = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
	return Number(line?.[1] ?? 0) * 1024;
}

function startServer() {
	const child = spawn(process.execPath, [`--max-old-space-size=${HEAP_MIB}`, MAIN], {
		env: { PATH: process.env['PATH'] ?? '', PORT: '0' },
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	let output = '';
	const url = new Promise<string>((resolve, reject) => {
		child.stdout.on('data', (data: Buffer) => {
			output += data.toString();
			const found = /listening on (http:\/\/\S+)/.exec(output)?.[1];
			if (found) resolve(found);
		});
		child.on('exit', () => reject(new Error(`mock-api exited:\n${output}`)));
	});
	return { child, url };
}

interface Round {
	requests: number;
	seconds: number;
	p50: number;
	p99: number;
	failures: number;
	rss: number;
}

async function round(
	base: string,
	pid: number,
	mix: typeof MIXED,
	deadline: number
): Promise<Round> {
	const latencies: number[] = [];
	let sent = 0;
	let next = 0;
	let failures = 0;
	const started = performance.now();
	const worker = async () => {
		while (sent < REQUESTS && Date.now() < deadline) {
			const { step, requests } = mix[next++ % mix.length]!;
			sent += requests;
			const t0 = performance.now();
			let answer = 0;
			try {
				answer = await step(base);
			} catch {
				answer = 0;
			}
			latencies.push((performance.now() - t0) / requests);
			if (!(answer >= 200 && answer < 500)) failures += 1;
		}
	};
	await Promise.all(Array.from({ length: CONCURRENCY }, worker));
	const seconds = (performance.now() - started) / 1000;
	latencies.sort((a, b) => a - b);
	const at = (q: number) =>
		latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
	return { requests: sent, seconds, p50: at(0.5), p99: at(0.99), failures, rss: rssOf(pid) };
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

async function run(name: string, mix: typeof MIXED): Promise<boolean> {
	const server = startServer();
	try {
		const base = await server.url;
		const pid = server.child.pid!;
		const before = rssOf(pid);
		const deadline = Date.now() + DEADLINE_MS;
		const rounds: Round[] = [];
		for (let i = 0; i < ROUNDS; i += 1) rounds.push(await round(base, pid, mix, deadline));
		const failures = rounds.reduce((sum, r) => sum + r.failures, 0);
		const growth = rounds.at(-1)!.rss - rounds[0]!.rss;
		console.log(`\n${name}: ${CONCURRENCY} concurrent clients on ${base}`);
		console.log(`  RSS before: ${mib(before)}`);
		for (const [i, r] of rounds.entries()) {
			console.log(
				`  round ${i + 1}: ${r.requests} requests in ${r.seconds.toFixed(1)} s = ${Math.round(r.requests / r.seconds)} req/s; ` +
					`p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms; neither 2xx nor 4xx: ${r.failures}; RSS after: ${mib(r.rss)}`
			);
		}
		const complete = rounds.every((r) => r.requests >= REQUESTS);
		const ok = failures === 0 && growth <= RSS_BUDGET && complete;
		console.log(
			`  RSS growth once warm: ${mib(growth)} (budget ${mib(RSS_BUDGET)})${complete ? '' : '; stopped at the deadline'} → ${ok ? 'ok' : 'FAILED'}`
		);
		return ok;
	} finally {
		server.child.kill('SIGTERM');
	}
}

const results = [
	await run('mixed valid and hostile traffic', MIXED),
	await run('60 KiB rejected logins', REJECTED_60K),
];
process.exitCode = results.every(Boolean) ? 0 : 1;
