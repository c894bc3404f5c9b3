import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createMockApi } from '../../../src/mock/createMockApi.ts';
import {
	startHttpServer,
	type RunningHttpServer,
} from '../../../src/mock/transports/http/startHttpServer.ts';
import { runConformance } from '../../../src/verify/conformance/runConformance.ts';

const DEMO = { username: 'demo', password: 'demo-password' };
const CLOSING = /^(\d+) passed, (\d+) failed$/;

const servers: RunningHttpServer[] = [];
const start = async (reusePolicy: 'reject' | 'revoke-family') => {
	const server = await startHttpServer({ api: createMockApi({ reusePolicy }), port: 0 });
	servers.push(server);
	return server;
};

/**
 * A deliberately wrong server: the mock behind a handler that answers `200` where the contract
 * says `201` (issuing a token pair), as the old docs of the real server claimed.
 */
let wrong: Server;
let wrongUrl = '';
beforeAll(async () => {
	const upstream = await start('reject');
	wrong = createServer(async (request, response) => {
		const chunks: Buffer[] = [];
		for await (const chunk of request) chunks.push(chunk as Buffer);
		const body = Buffer.concat(chunks);
		const answer = await fetch(`${upstream.url}${request.url}`, {
			method: request.method ?? 'GET',
			headers: Object.entries(request.headers).flatMap(([name, value]) =>
				typeof value === 'string' && name !== 'host' ? [[name, value] as [string, string]] : []
			),
			...(body.length > 0 ? { body: new Uint8Array(body) } : {}),
		});
		const issued = request.method === 'POST' && request.url === '/3rdparty/v1/auth/token';
		const status = issued && answer.status === 201 ? 200 : answer.status;
		const headers = Object.fromEntries(answer.headers);
		delete headers['content-encoding'];
		delete headers['content-length'];
		response.writeHead(status, headers);
		response.end(Buffer.from(await answer.arrayBuffer()));
	});
	await new Promise<void>((resolve) => wrong.listen(0, '127.0.0.1', resolve));
	wrongUrl = `http://127.0.0.1:${(wrong.address() as AddressInfo).port}`;
});
afterAll(async () => {
	await new Promise((resolve) => wrong.close(resolve));
	await Promise.all(servers.map((server) => server.close()));
});

describe('npm run conformance', () => {
	test.each(['reject', 'revoke-family'] as const)(
		'passes against the mock with reuse policy %s, one line per case',
		async (policy) => {
			const server = await start(policy);
			const report = await runConformance({ baseUrl: server.url, ...DEMO, write: () => {} });
			expect(report.lines.filter((line) => line.startsWith('FAIL'))).toEqual([]);
			expect(report.failed).toBe(0);
			expect(report.passed).toBeGreaterThan(60);
			expect(report.lines.at(-1)).toBe(`${report.passed} passed, 0 failed`);
			expect(report.lines).toContainEqual(expect.stringContaining(`(policy: ${policy}`));
		},
		120_000
	);

	test('fails with a clear line against a server that answers 200 where the contract says 201', async () => {
		const { stdout, code } = await promisify(execFile)(
			process.execPath,
			['src/verify/conformance/main.ts', wrongUrl],
			{ env: { ...process.env, API_USERNAME: DEMO.username, API_PASSWORD: DEMO.password } }
		).then(
			(result) => ({ ...result, code: 0 }),
			(error: { stdout: string; code: number }) => error
		);
		const lines = stdout.trimEnd().split('\n');
		expect(code).toBe(1);
		expect(lines).toContain(
			'FAIL POST /3rdparty/v1/auth/token → 201: POST /3rdparty/v1/auth/token: expected 201, got 200'
		);
		const [, , failed] = CLOSING.exec(lines.at(-1) ?? '') ?? [];
		expect(Number(failed)).toBeGreaterThan(0);
	}, 120_000);

	test('refuses to start without a base URL and credentials', async () => {
		const error = await promisify(execFile)(process.execPath, ['src/verify/conformance/main.ts'], {
			env: { ...process.env, API_USERNAME: '', API_PASSWORD: '' },
		}).catch((caught: { code: number; stderr: string }) => caught);
		expect(error).toMatchObject({ code: 2, stderr: expect.stringContaining('usage:') });
	});
});
