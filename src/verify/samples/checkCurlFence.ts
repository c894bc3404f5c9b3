import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MockApi } from '../../mock/createMockApi.ts';
import { replaceJwts } from '../../mock/tokens/jwt.ts';
import type { HttpExchange } from '../../mock/transports/http/startHttpServer.ts';
import type { Fence } from '../pages/readPage.ts';

/**
 * Fence languages the sample tests execute. Readers paste shell blocks into bash, so every one
 * runs in bash, whatever its fence says.
 */
export const RUNNABLE_SHELLS: ReadonlySet<string> = new Set(['sh', 'shell', 'bash']);

/**
 * Shell-like languages whose fences cannot be executed as written (prompts, other shells); a curl
 * in one of them would go unverified, so it is an error.
 */
export const UNRUNNABLE_SHELLS: ReadonlySet<string> = new Set([
	'console',
	'shellsession',
	'zsh',
	'fish',
	'powershell',
	'ps1',
	'pwsh',
	'bat',
	'cmd',
	'nu',
]);

/** Whether a fence runs curl as a command (not just mentions the word in a shell comment). */
export function callsCurl(fence: Pick<Fence, 'code'>): boolean {
	return fence.code
		.split('\n')
		.some((line) => !/^\s*#/.test(line) && /(?:^|[\s;|&(`$])curl(?=[\s\\]|$)/.test(line));
}

/** What a curl fence declares in its meta: the statuses its requests get. */
export interface CurlFenceSpec {
	/** One per request the fence makes, in order: `status=201` or `status=201,401`. */
	statuses: number[];
}

/** The spec, or what is wrong with the meta. */
export type CurlFenceSpecResult =
	{ ok: true; spec: CurlFenceSpec } | { ok: false; problem: string };

/**
 * Reads a curl fence's `status=` from its meta options (required: a fence that declares nothing
 * would go unverified). `scopes=` is refused: a fence asks for its own tokens, as a reader does.
 */
export function readCurlFenceSpec(options: ReadonlyMap<string, string>): CurlFenceSpecResult {
	if (options.has('scopes')) {
		return {
			ok: false,
			problem:
				'scopes= is not read any more: the fence requests its own token pair with the scopes it needs',
		};
	}
	const status = options.get('status');
	if (status === undefined) {
		return {
			ok: false,
			problem:
				'curl fence declares no status: add status=<code> to the info string (```sh status=201), ' +
				'one code per request in order for several (status=201,401)',
		};
	}
	const codes = status.split(/[,\s]+/).filter((code) => code !== '');
	const bad = codes.find((code) => !/^[1-5]\d\d$/.test(code));
	if (codes.length === 0 || bad !== undefined) {
		return {
			ok: false,
			problem: `status="${status}" is not a list of HTTP status codes like 201,401`,
		};
	}
	return { ok: true, spec: { statuses: codes.map(Number) } };
}

/** The local HTTP server a page's curl fences run against, and the requests it has answered. */
export interface FenceServer {
	url: string;
	api: MockApi;
	/** Filled by the server's `onExchange`; cleared before each fence. */
	exchanges: HttpExchange[];
}

/** `<UPPER_SNAKE>` placeholders: a reader would have to edit them before the block runs. */
const PLACEHOLDER = /<[A-Z][A-Z0-9_]*[A-Z0-9]>/g;

/**
 * Executes one fence as a reader pastes it into a fresh terminal, and reports what is wrong; see
 * {@link checkCurlSession}.
 */
export function checkCurlFence(fence: Fence, page: string, server: FenceServer): Promise<string[]> {
	return checkCurlSession([fence], page, server);
}

/**
 * Pastes a page's fences that call curl, in order, into one bash session against a freshly reset
 * mock, as a reader following the page in one terminal does: a variable a fence sets (a token it
 * captured) is there for the next. The text runs as written; the only difference from a reader's
 * terminal is the environment's `API_BASE_URL`, which points at the test's server, as a reader's
 * export would point at theirs (fences default it with `${API_BASE_URL:-http://127.0.0.1:8787}`).
 *
 * Each problem is prefixed with `page:line`: no declared status, a shell that cannot run it, an
 * angle-bracket placeholder, a non-zero exit, or statuses other than declared.
 */
export async function checkCurlSession(
	fences: readonly Fence[],
	page: string,
	server: FenceServer
): Promise<string[]> {
	const problems: string[] = [];
	const runnable: { fence: Fence; spec: CurlFenceSpec; at: string }[] = [];
	for (const fence of fences) {
		const at = `${page}:${fence.line}`;
		if (!callsCurl(fence)) continue;
		const lang = fence.lang.toLowerCase();
		if (UNRUNNABLE_SHELLS.has(lang)) {
			problems.push(
				`${at}: curl in a \`\`\`${lang} fence cannot be executed; write it as \`\`\`sh`
			);
			continue;
		}
		if (!RUNNABLE_SHELLS.has(lang)) continue;
		const read = readCurlFenceSpec(fence.options);
		if (!read.ok) {
			problems.push(`${at}: ${read.problem}`);
			continue;
		}
		const placeholders = [...new Set(fence.code.match(PLACEHOLDER) ?? [])];
		if (placeholders.length > 0) {
			problems.push(
				`${at}: ${placeholders.join(', ')} must be edited before the block runs: set a shell ` +
					'variable at the top instead (API_BASE_URL=${API_BASE_URL:-http://127.0.0.1:8787}, ' +
					'ACCESS_TOKEN=$(curl … | jq -r .access_token)) and write "$ACCESS_TOKEN"'
			);
			continue;
		}
		runnable.push({ fence, spec: read.spec, at });
	}
	if (runnable.length === 0) return problems;

	server.api.reset();
	const session = new BashSession({ API_BASE_URL: server.url });
	try {
		for (const { fence, spec, at } of runnable) {
			server.exchanges.length = 0;
			const run = await session.paste(fence.code);
			const got = server.exchanges.map((exchange) => exchange.status);
			const found: string[] = [];
			if (run.exitCode !== 0) {
				found.push(`${at}: the fence exited with ${run.exitCode ?? 'a timeout'}`);
			}
			if (got.join(',') !== spec.statuses.join(',')) {
				const requests = server.exchanges.map((e) => `${e.method} ${e.path} → ${e.status}`);
				found.push(
					`${at}: declared status=${spec.statuses.join(',')} but the requests got ` +
						`${got.length === 0 ? 'no request at all' : got.join(',')}` +
						(requests.length > 0 ? ` (${requests.join('; ')})` : '')
				);
			}
			if (found.length > 0) found.push(`${at}: output:\n${outputTail(run.output)}`);
			problems.push(...found);
			// A fence that timed out leaves the session in an unknown state.
			if (run.exitCode === null) break;
		}
	} finally {
		session.close();
	}
	return problems;
}

/**
 * Enough of a fence's output to see what happened, every JWT in it redacted, truncated ones too
 * (`head -c` or a cut-off line): tokens are the mock's, but CI logs need not carry them.
 */
export function outputTail(output: string): string {
	const redacted = replaceJwts(output, () => '<redacted JWT>');
	return redacted.length > 2000 ? `…${redacted.slice(-2000)}` : redacted;
}

/** How one pasted block ended in a {@link BashSession}. */
export interface PastedRun {
	/** The status of the block's last command, as `$?` shows it; `null` when it timed out. */
	exitCode: number | null;
	/** What the block wrote to stdout and stderr. */
	output: string;
}

/**
 * A bash reading commands from its stdin, as a terminal feeds it what a reader pastes. It runs in
 * an empty temporary directory with a minimal environment (no `~/.curlrc`, no proxy variables), so
 * a block behaves as on a reader's clean machine. After each block, the session itself writes a
 * line that tells where the block's output ends and what `$?` was.
 */
export class BashSession {
	readonly #home = mkdtempSync(join(tmpdir(), 'fence-'));
	readonly #child;
	readonly #marker = `__fence_done_${process.pid}_${Date.now()}__`;
	#output = '';
	#waiting: ((line: string) => void) | undefined;

	constructor(environment: Readonly<Record<string, string>> = {}) {
		this.#child = spawn('/bin/bash', ['--noprofile', '--norc', '-s'], {
			cwd: this.#home,
			env: {
				PATH: '/usr/local/bin:/usr/bin:/bin',
				HOME: this.#home,
				CURL_HOME: this.#home,
				LC_ALL: 'C.UTF-8',
				...environment,
			},
			stdio: ['pipe', 'pipe', 'pipe'],
		});
		this.#child.stdout.on('data', (data: Buffer) => this.#take(data.toString()));
		this.#child.stderr.on('data', (data: Buffer) => (this.#output += data.toString()));
		this.#child.on('error', (error) => (this.#output += String(error)));
	}

	/** Runs a block and waits for it to finish (at most `timeoutMs`). */
	paste(code: string, timeoutMs = 20_000): Promise<PastedRun> {
		this.#output = '';
		return new Promise((resolve) => {
			const timer = setTimeout(() => {
				this.#waiting = undefined;
				resolve({ exitCode: null, output: this.#output });
			}, timeoutMs);
			this.#waiting = (status) => {
				clearTimeout(timer);
				this.#waiting = undefined;
				resolve({ exitCode: Number(status), output: this.#output });
			};
			// The block's text as written, then (after its own last line) the session's marker.
			this.#child.stdin.write(`${code}\nprintf '\\n%s %s\\n' ${this.#marker} "$?"\n`);
		});
	}

	/** Ends the shell and removes its directory. */
	close(): void {
		this.#child.stdin.end();
		this.#child.kill();
		rmSync(this.#home, { recursive: true, force: true });
	}

	#take(text: string): void {
		this.#output += text;
		const match = new RegExp(`\\n${this.#marker} (\\d+)\\n`).exec(this.#output);
		if (!match || !this.#waiting) return;
		this.#output = this.#output.slice(0, match.index);
		this.#waiting(match[1] ?? '');
	}
}
