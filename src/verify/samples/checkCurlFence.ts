import { REQUESTABLE_SCOPES } from '../../mock/contract/scopes.ts';
import type { MockApi } from '../../mock/createMockApi.ts';
import { replaceJwts } from '../../mock/tokens/jwt.ts';
import type { HttpExchange } from '../../mock/transports/http/startHttpServer.ts';
import type { Fence } from '../pages/readPage.ts';
import { fenceCredentials } from './fenceCredentials.ts';
import { runShell } from './runShell.ts';
import { substitutePlaceholders } from './substitutePlaceholders.ts';

/** Fence languages the sample tests execute, and the shell each runs in. */
export const RUNNABLE_SHELLS: Readonly<Record<string, string>> = {
	sh: '/bin/sh',
	shell: '/bin/sh',
	bash: '/bin/bash',
};

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

/** What a curl fence declares in its meta: the statuses its requests get, the scopes it needs. */
export interface CurlFenceSpec {
	/** One per request the fence makes, in order: `status=201` or `status=201,401`. */
	statuses: number[];
	/** Scopes of the token pair issued for the fence: `scopes=messages:send,messages:read`. */
	scopes: string[];
}

/** The scopes a fence's tokens get when it declares none: every concrete scope. */
export const DEFAULT_FENCE_SCOPES: readonly string[] = REQUESTABLE_SCOPES.filter(
	(scope) => scope !== 'all:any'
);

/** The spec, or what is wrong with the meta. */
export type CurlFenceSpecResult =
	{ ok: true; spec: CurlFenceSpec } | { ok: false; problem: string };

/**
 * Reads a curl fence's `status=` (required: a fence that declares nothing would go unverified)
 * and `scopes=` (optional) from its meta options.
 */
export function readCurlFenceSpec(options: ReadonlyMap<string, string>): CurlFenceSpecResult {
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
	const scopesText = options.get('scopes');
	const scopes =
		scopesText === undefined
			? [...DEFAULT_FENCE_SCOPES]
			: scopesText.split(/[,\s]+/).filter((scope) => scope !== '');
	const unknown = scopes.find(
		(scope) => !(REQUESTABLE_SCOPES as readonly string[]).includes(scope)
	);
	if (unknown !== undefined || scopes.length === 0) {
		return {
			ok: false,
			problem: `scopes="${scopesText}" names ${unknown === undefined ? 'no scope' : `unknown scope "${unknown}"`}; known: ${REQUESTABLE_SCOPES.join(', ')}`,
		};
	}
	return { ok: true, spec: { statuses: codes.map(Number), scopes } };
}

/** The local HTTP server a page's curl fences run against, and the requests it has answered. */
export interface FenceServer {
	url: string;
	api: MockApi;
	/** Filled by the server's `onExchange`; cleared before each fence. */
	exchanges: HttpExchange[];
}

/**
 * Executes one fence if it calls the API and reports what is wrong, each problem prefixed with
 * `page:line`: no declared status, a shell that cannot run it, placeholders without a value, a
 * non-zero exit, or statuses other than declared. The mock is reset and fresh tokens are minted
 * first, so every fence starts from the same state whatever ran before it.
 */
export async function checkCurlFence(
	fence: Fence,
	page: string,
	server: FenceServer
): Promise<string[]> {
	const at = `${page}:${fence.line}`;
	if (!callsCurl(fence)) return [];
	const lang = fence.lang.toLowerCase();
	if (UNRUNNABLE_SHELLS.has(lang)) {
		return [`${at}: curl in a \`\`\`${lang} fence cannot be executed; write it as \`\`\`sh`];
	}
	const shell = RUNNABLE_SHELLS[lang];
	if (shell === undefined) return [];
	const read = readCurlFenceSpec(fence.options);
	if (!read.ok) return [`${at}: ${read.problem}`];
	const { spec } = read;

	server.api.reset();
	const values = await fenceCredentials(server.api, server.url, spec.scopes, fence.code);
	const script = substitutePlaceholders(fence.code, values);
	if (script.unresolved.length > 0) {
		return [`${at}: no value for ${script.unresolved.join(', ')} (see src/mock/contract/placeholders.ts)`];
	}
	server.exchanges.length = 0;
	const run = await runShell(shell, script.text);
	const got = server.exchanges.map((exchange) => exchange.status);
	const problems: string[] = [];
	if (run.exitCode !== 0) {
		problems.push(`${at}: the fence exited with ${run.exitCode ?? 'a timeout'}`);
	}
	if (got.join(',') !== spec.statuses.join(',')) {
		const requests = server.exchanges.map((e) => `${e.method} ${e.path} → ${e.status}`);
		problems.push(
			`${at}: declared status=${spec.statuses.join(',')} but the requests got ` +
				`${got.length === 0 ? 'no request at all' : got.join(',')}` +
				(requests.length > 0 ? ` (${requests.join('; ')})` : '')
		);
	}
	if (problems.length > 0) problems.push(`${at}: output:\n${outputTail(run.stdout + run.stderr)}`);
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
