import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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
