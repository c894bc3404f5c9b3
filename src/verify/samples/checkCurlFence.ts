import type { MockApi } from '../../mock/createMockApi.ts';
import type { HttpExchange } from '../../mock/transports/http/startHttpServer.ts';
import { readCurlFenceSpec } from './CurlFenceSpec.ts';
import type { Fence } from './Fence.ts';
import { fenceCredentials } from './fenceCredentials.ts';
import { runShell } from './runShell.ts';
import { RUNNABLE_SHELLS, UNRUNNABLE_SHELLS, callsCurl } from './shellFences.ts';
import { substitutePlaceholders } from './substitutePlaceholders.ts';

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
	if (UNRUNNABLE_SHELLS.has(fence.lang)) {
		return [`${at}: curl in a \`\`\`${fence.lang} fence cannot be executed; write it as \`\`\`sh`];
	}
	const shell = RUNNABLE_SHELLS[fence.lang];
	if (shell === undefined) return [];
	const read = readCurlFenceSpec(fence.meta);
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
	if (problems.length > 0) problems.push(`${at}: output:\n${tail(run.stdout + run.stderr)}`);
	return problems;
}

// Enough output to see what happened; tokens are the mock's, but CI logs need not carry them.
function tail(output: string): string {
	const redacted = output.replace(/eyJ[\w-]*\.[\w-]*\.[\w-]*/g, '<redacted JWT>');
	return redacted.length > 2000 ? `…${redacted.slice(-2000)}` : redacted;
}
