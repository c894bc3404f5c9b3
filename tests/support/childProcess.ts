import { spawn } from 'node:child_process';

/** A Node process the test started: what it printed, and how it ended. */
export interface Child {
	/** Resolves with the exit code (or the signal's name) once the process has ended. */
	exited: Promise<number | string>;
	output: () => { stdout: string; stderr: string };
	/** Resolves once stdout has printed a line matching `pattern`. */
	printed: (pattern: RegExp) => Promise<void>;
	kill: (signal?: NodeJS.Signals) => void;
}

/**
 * Runs `args` with this test's Node (24: it runs `.ts` files as they are) and only the variables
 * given, as a reader's shell would run an example: a whole process, with its own event loop.
 */
export function runNode(args: string[], env: Record<string, string>): Child {
	const child = spawn(process.execPath, args, {
		env: { PATH: process.env['PATH'] ?? '', ...env },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let stdout = '';
	let stderr = '';
	const waiting = new Set<() => void>();
	child.stdout.on('data', (data: Buffer) => {
		stdout += data.toString();
		for (const check of [...waiting]) check();
	});
	child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
	const exited = new Promise<number | string>((resolve) =>
		child.on('exit', (code, signal) => resolve(code ?? signal ?? -1))
	);
	return {
		exited,
		output: () => ({ stdout, stderr }),
		printed: (pattern) =>
			new Promise((resolve, reject) => {
				const check = () => {
					if (!pattern.test(stdout)) return;
					waiting.delete(check);
					resolve();
				};
				waiting.add(check);
				check();
				void exited.then(() => {
					if (waiting.delete(check)) {
						reject(new Error(`exited before printing ${pattern}:\n${stdout}\n${stderr}`));
					}
				});
			}),
		kill: (signal = 'SIGTERM') => void child.kill(signal),
	};
}
