import { spawn } from 'node:child_process';
import {
	cpSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { withoutVitestEnv } from '../../src/verify/astro.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SKIP = new Set([
	'node_modules',
	'dist',
	'.astro',
	'.git',
	'.vitest',
	'coverage',
	'bench',
	'.drift',
]);
/**
 * Copies live inside the repository (git-ignored) rather than in /tmp: packages then resolve from
 * the repository's node_modules by the ordinary upward search, with no symlink for Vite to trip on.
 */
const DRIFT = join(ROOT, '.drift');

/** A throwaway copy of the repository to plant one defect in. */
export interface Sandbox {
	dir: string;
	/** Replaces `find` with `replace` in a file, failing loudly if `find` is not there. */
	edit(file: string, find: string | RegExp, replace: string): void;
	/** Appends text to a file. */
	append(file: string, text: string): void;
	/**
	 * Runs an npm script (or `npm exec`) in the copy; resolves to its exit code and combined
	 * output. Asynchronous, so the planted builds run side by side.
	 */
	run(...args: string[]): Promise<{ status: number | null; output: string }>;
	remove(): void;
}

export function createSandbox(): Sandbox {
	mkdirSync(DRIFT, { recursive: true });
	const dir = mkdtempSync(join(DRIFT, 'copy-'));
	for (const entry of readdirSync(ROOT)) {
		if (!SKIP.has(entry)) cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
	}
	return {
		dir,
		edit(file, find, replace) {
			const path = join(dir, file);
			const before = readFileSync(path, 'utf8');
			const after = before.replace(find, replace);
			if (after === before)
				throw new Error(`planting failed: ${String(find)} not found in ${file}`);
			writeFileSync(path, after);
		},
		append(file, text) {
			const path = join(dir, file);
			writeFileSync(path, readFileSync(path, 'utf8') + text);
		},
		run(...args) {
			const child = spawn('npm', args, {
				cwd: dir,
				env: { ...withoutVitestEnv(), NO_COLOR: '1', FORCE_COLOR: '0' },
				stdio: ['ignore', 'pipe', 'pipe'],
				timeout: 180_000,
			});
			let output = '';
			child.stdout.setEncoding('utf8').on('data', (text: string) => (output += text));
			child.stderr.setEncoding('utf8').on('data', (text: string) => (output += text));
			return new Promise((resolve, reject) => {
				child.once('error', reject);
				child.once('close', (status) => resolve({ status, output }));
			});
		},
		remove() {
			rmSync(dir, { recursive: true, force: true });
		},
	};
}
