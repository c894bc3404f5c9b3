import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Endpoint, ENDPOINTS } from '../../mock/contract/endpoints.ts';
import type { Placeholder } from '../../mock/contract/placeholders.ts';
import { REQUESTABLE_SCOPES } from '../../mock/contract/scopes.ts';
import type { MockApi } from '../../mock/createMockApi.ts';
import { replaceJwts } from '../../mock/tokens/jwt.ts';
import type { HttpExchange } from '../../mock/transports/http/startHttpServer.ts';
import type { Fence } from '../pages/readPage.ts';
import { basicAuthorization, callMock } from './callMock.ts';
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
		return [
			`${at}: no value for ${script.unresolved.join(', ')} (see src/mock/contract/placeholders.ts)`,
		];
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

/** The path of the service-token endpoint, if the mock has one. */
function serviceTokenPath(): string | undefined {
	const endpoints: readonly Endpoint[] = ENDPOINTS;
	return endpoints.find((endpoint) => endpoint.id === 'createServiceToken')?.path;
}

/**
 * Real values for a fence's placeholders, minted fresh from the mock with its first account: a
 * token pair of `scopes`, and a service token when the fence uses `<SERVICE_TOKEN>`.
 * `<TOKEN_ID>` is the service token's id where the fence addresses `service-tokens/<TOKEN_ID>`,
 * else the pair's `id`.
 */
export async function fenceCredentials(
	api: MockApi,
	baseUrl: string,
	scopes: readonly string[],
	code: string
): Promise<Partial<Record<Placeholder, string>>> {
	const account = api.accounts[0];
	if (!account) throw new Error('the mock has no account to mint tokens with');
	const authorization = basicAuthorization(account.username, account.password);
	const issued = await callMock(api, 'POST', '/3rdparty/v1/auth/token', {
		authorization,
		json: { scopes },
	});
	if (issued.status !== 201) {
		throw new Error(
			`could not issue a token pair for the fence: ${issued.status} ${await issued.text()}`
		);
	}
	const pair = (await issued.json()) as { id: string; access_token: string; refresh_token: string };
	const values: Partial<Record<Placeholder, string>> = {
		'<API_BASE_URL>': baseUrl,
		'<USERNAME>': account.username,
		'<PASSWORD>': account.password,
		// The mock is reset before each fence, so a fence may change the password freely.
		'<NEW_PASSWORD>': `${account.password}-changed`,
		'<BASIC_CREDENTIALS>': authorization.slice('Basic '.length),
		'<ACCESS_TOKEN>': pair.access_token,
		'<REFRESH_TOKEN>': pair.refresh_token,
		'<TOKEN_ID>': pair.id,
	};
	if (!code.includes('<SERVICE_TOKEN>') && !code.includes('service-tokens/<TOKEN_ID>')) {
		return values;
	}
	const path = serviceTokenPath();
	if (path === undefined) {
		throw new Error(
			'the fence uses a service token, but the mock has no createServiceToken endpoint'
		);
	}
	const minted = await callMock(api, 'POST', path, {
		authorization,
		json: { name: 'docs-sample', scopes },
	});
	if (minted.status !== 201) {
		throw new Error(
			`could not mint a service token for the fence: ${minted.status} ${await minted.text()}`
		);
	}
	const service = (await minted.json()) as { id: string; token: string };
	values['<SERVICE_TOKEN>'] = service.token;
	if (code.includes('service-tokens/<TOKEN_ID>')) values['<TOKEN_ID>'] = service.id;
	return values;
}

/** How a shell script ended. */
export interface ShellRun {
	/** `null` when it was killed (timed out). */
	exitCode: number | null;
	stdout: string;
	stderr: string;
}

/**
 * Runs a script with `shell -c` in an empty temporary directory, with a minimal environment (no
 * `~/.curlrc`, no proxy variables), so a page's fence behaves as on a reader's clean machine.
 */
export function runShell(shell: string, script: string, timeoutMs = 20_000): Promise<ShellRun> {
	const home = mkdtempSync(join(tmpdir(), 'fence-'));
	return new Promise((resolve) => {
		const child = spawn(shell, ['-c', script], {
			cwd: home,
			env: { PATH: '/usr/local/bin:/usr/bin:/bin', HOME: home, CURL_HOME: home, LC_ALL: 'C.UTF-8' },
			stdio: ['ignore', 'pipe', 'pipe'],
			timeout: timeoutMs,
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (data: Buffer) => (stdout += data.toString()));
		child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
		child.on('error', (error) => (stderr += String(error)));
		child.on('close', (exitCode) => {
			rmSync(home, { recursive: true, force: true });
			resolve({ exitCode, stdout, stderr });
		});
	});
}
