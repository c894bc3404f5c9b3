import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// Beside the package's entry point, found as Node finds it (a copy of the repository inside it
// has no node_modules of its own).
const cli = fileURLToPath(
	new URL('markdownlint-cli2-bin.mjs', import.meta.resolve('markdownlint-cli2'))
);

/** One line of the default formatter's output: `file:line[:column] error RULE/alias …`. */
export type CliFinding = { file: string; line: number; rule: string; text: string };

/** What a markdownlint-cli2 run printed and how it exited. */
export type CliRun = { code: number | null; output: string; findings: CliFinding[] };

const findingLine = /^(?<file>[^\s:]+):(?<line>\d+)(?::\d+)? error (?<rule>[A-Z]+\d+)\/.*$/gm;

/**
 * Runs the real markdownlint-cli2 in `cwd` (so it reads that directory's config files), on the
 * same Node as the tests: Node 24, which loads the TypeScript rules by stripping their types.
 */
export function runCli(cwd: string, args: readonly string[] = []): Promise<CliRun> {
	return new Promise((resolve, reject) => {
		const env = { ...process.env, NO_COLOR: '1' };
		const child = spawn(process.execPath, [cli, ...args], { cwd, env });
		let output = '';
		child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.on('error', reject);
		child.on('close', (code) => {
			const findings = [...output.matchAll(findingLine)].map((match) => ({
				file: match.groups?.['file'] ?? '',
				line: Number(match.groups?.['line']),
				rule: match.groups?.['rule'] ?? '',
				text: match[0],
			}));
			resolve({ code, output, findings });
		});
	});
}
