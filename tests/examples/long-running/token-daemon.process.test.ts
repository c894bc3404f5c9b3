import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect } from 'vitest';
import { behaviour } from '../../support/behaviour.ts';
import { createMockApi } from '../../../src/mock/createMockApi.ts';
import { faultsOf } from '../../../src/mock/faults/Faults.ts';
import {
	type RunningHttpServer,
	startHttpServer,
} from '../../../src/mock/transports/http/startHttpServer.ts';
import { runNode } from '../../support/childProcess.ts';
import { testClock } from '../../support/testClock.ts';

const example = (file: string) => new URL(`../../../examples/${file}`, import.meta.url).href;

/**
 * A worker as a reader writes one: start the daemon at the top of the process, then (with
 * `SHUTDOWN`) keep working until a signal, stopping for a restart or revoking on the way out.
 */
const WORKER = `
import { TokenDaemon } from '${example('long-running/token-daemon.ts')}';
import { FileTokenStore } from '${example('refresh/token-store.ts')}';
import { revokeOnShutdown } from '${example('refresh/revoke-on-shutdown.ts')}';
const { API_BASE_URL, STORE, SHUTDOWN } = process.env;
const daemon = new TokenDaemon({
	baseUrl: API_BASE_URL, username: 'demo', password: 'demo-password', scopes: ['messages:read'],
	...(STORE ? { store: new FileTokenStore(STORE) } : {}),
});
await daemon.start();
if (SHUTDOWN) {
	revokeOnShutdown(daemon, { keepLogin: SHUTDOWN === 'restart' });
	setInterval(() => {}, 60_000); // the worker's own work keeps it alive
}
console.log('token ' + daemon.accessToken);
`;

const api = createMockApi({ clock: testClock() });
const faults = faultsOf(api);
let server: RunningHttpServer;
let directory: string;
beforeAll(async () => {
	server = await startHttpServer({ api, port: 0 });
	directory = await mkdtemp(join(tmpdir(), 'worker-'));
});
afterAll(async () => {
	await server.close();
	await rm(directory, { recursive: true, force: true });
});
afterEach(() => {
	faults.clear();
	api.reset();
});

const worker = (env: Record<string, string> = {}) =>
	runNode(['--input-type=module', '-e', WORKER], { API_BASE_URL: server.url, ...env });
const tokenOf = (child: ReturnType<typeof worker>) =>
	/token (\S+)/.exec(child.output().stdout)?.[1] ?? '';
const logins = () =>
	api.log
		.entries()
		.filter((entry) => new URL(entry.request.url).pathname === '/3rdparty/v1/auth/token').length;
const works = async (token: string) =>
	(
		await fetch(`${server.url}/3rdparty/v1/messages/x`, {
			headers: { Authorization: `Bearer ${token}` },
		})
	).status === 404;

describe('a worker process running the daemon', () => {
	behaviour('daemon.process', async () => {
		faults.arm({ method: 'POST', path: '/3rdparty/v1/auth/token' }, { kind: 'html', status: 503 });
		const child = worker();
		expect(await child.exited).toBe(0);
		expect(await works(tokenOf(child))).toBe(true);
	});

	behaviour('daemon.processRestart', async () => {
		const store = join(directory, 'restart.json');
		const first = worker({ STORE: store, SHUTDOWN: 'restart' });
		await first.printed(/token \S+/);
		first.kill('SIGTERM');
		expect(await first.exited).toBe(143);
		expect(JSON.parse(await readFile(store, 'utf8'))).toHaveProperty('refreshToken');
		const second = worker({ STORE: store });
		expect(await second.exited).toBe(0);
		expect(await works(tokenOf(second))).toBe(true);
		expect(logins()).toBe(1);
	});

	behaviour('daemon.processRetire', async () => {
		const store = join(directory, 'retire.json');
		const child = worker({ STORE: store, SHUTDOWN: 'retire' });
		await child.printed(/token \S+/);
		child.kill('SIGTERM');
		expect(await child.exited).toBe(143);
		expect(await works(tokenOf(child))).toBe(false);
		await expect(readFile(store, 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
	});
});
