import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const MAIN = fileURLToPath(
	new URL('../../../../src/mock/transports/http/main.ts', import.meta.url)
);

/** Starts `npm run mock-api`'s entry with Node 24 (vitest's own Node) and the given variables. */
function startMain(env: Record<string, string>) {
	const child = spawn(process.execPath, [MAIN], {
		env: { PATH: process.env['PATH'] ?? '', ...env },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (data: Buffer) => (stdout += data.toString()));
	child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
	const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
	const listening = new Promise<string>((resolve, reject) => {
		child.stdout.on('data', () => {
			const url = /listening on (http:\/\/\S+)/.exec(stdout)?.[1];
			if (url) resolve(url);
		});
		child.on('exit', () => reject(new Error(`exited before listening:\n${stderr}`)));
	});
	return { child, listening, exited, output: () => ({ stdout, stderr }) };
}

describe('npm run mock-api (src/mock/transports/http/main.ts)', () => {
	test('prints the URL and the demo account, serves, and stops cleanly on SIGTERM', async () => {
		const run = startMain({ PORT: '0' });
		const url = await run.listening;
		expect(run.output().stdout).toContain('Demo account: demo / demo-password');
		expect(run.output().stdout).toContain('No second account');
		expect(run.output().stdout).toContain('POST /__mock/clock');
		const response = await fetch(`${url}/3rdparty/v1/auth/token`, {
			method: 'POST',
			headers: { Authorization: `Basic ${btoa('demo:demo-password')}` },
			body: '{"scopes":["messages:send"]}',
		});
		expect(response.status).toBe(201);
		run.child.kill('SIGTERM');
		expect(await run.exited).toBe(0);
		expect(run.output().stdout).toContain('mock-api: stopped');
	});

	test('takes the account and policy from the environment', async () => {
		const run = startMain({ PORT: '0', MOCK_USERNAME: 'ada', MOCK_PASSWORD: 'lovelace' });
		const url = await run.listening;
		try {
			const issue = (user: string) =>
				fetch(`${url}/3rdparty/v1/auth/token`, {
					method: 'POST',
					headers: { Authorization: `Basic ${btoa(user)}` },
					body: '{"scopes":["messages:send"]}',
				}).then((r) => r.status);
			expect(await issue('ada:lovelace')).toBe(201);
			expect(await issue('demo:demo-password')).toBe(401);
			// No account exists that the banner does not show.
			expect(await issue('other:other-password')).toBe(401);
		} finally {
			run.child.kill('SIGINT');
			await run.exited;
		}
	});

	test('a second account exists only when configured, and the banner shows it', async () => {
		const run = startMain({
			PORT: '0',
			MOCK_OTHER_USERNAME: 'grace',
			MOCK_OTHER_PASSWORD: 'hopper',
		});
		const url = await run.listening;
		try {
			expect(run.output().stdout).toContain('Second account: grace / hopper');
			const issue = (user: string) =>
				fetch(`${url}/3rdparty/v1/auth/token`, {
					method: 'POST',
					headers: { Authorization: `Basic ${btoa(user)}` },
					body: '{"scopes":["messages:send"]}',
				}).then((r) => r.status);
			expect(await issue('grace:hopper')).toBe(201);
			expect(await issue('demo:demo-password')).toBe(201);
		} finally {
			run.child.kill('SIGINT');
			await run.exited;
		}
	});

	test('refuses to start on an unknown reuse policy, saying why', async () => {
		const run = startMain({ PORT: '0', MOCK_REUSE_POLICY: 'sometimes' });
		await expect(run.listening).rejects.toThrow();
		expect(await run.exited).toBe(1);
		expect(run.output().stderr).toContain(
			'MOCK_REUSE_POLICY must be reject or revoke-family, not "sometimes"'
		);
	});
});
