/**
 * `npm test`: every check the repository has, in two lanes that run side by side.
 *
 * - The tests (`test:unit`) keep both cores busy most of the time, but not all of it: a vitest
 *   run starts, collects and reports on one core, and the planted defects wait on their builds.
 * - The other checks (`lint`, `unused`, `build`, `typecheck`, `format:check`) are mostly one process on one core, and
 *   share no file with the tests (the build writes `dist/` and `.astro/`, which no unit test
 *   reads; the planted defects copy the repository without them).
 *
 * Side by side, each lane fills the gaps the other leaves. `typecheck` comes after `build`, which
 * writes the types it needs, so its `astro sync` is skipped. Every stage runs even when another
 * failed (one run shows every failure); each stage's output is printed whole when it ends, never
 * interleaved, then one line per stage with its time. Exits non-zero when any stage failed.
 */
import { spawn } from 'node:child_process';
import { ROOT } from './astro.ts';

/** An npm script, and the arguments after `--`. */
type Stage = readonly [script: string, ...args: string[]];

const LANES: readonly (readonly Stage[])[] = [
	[['test:unit']],
	[['lint'], ['unused'], ['build'], ['typecheck'], ['format:check']],
];

interface Outcome {
	stage: string;
	ok: boolean;
	seconds: number;
}

function run([script, ...args]: Stage): Promise<Outcome> {
	const started = performance.now();
	const child = spawn('npm', ['run', '--silent', script, ...(args.length ? ['--', ...args] : [])], {
		cwd: ROOT,
		env: process.stdout.isTTY ? { ...process.env, FORCE_COLOR: '1' } : process.env,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const chunks: Buffer[] = [];
	child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
	child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
	return new Promise((resolve) => {
		const finish = (ok: boolean, error?: Error) => {
			const seconds = (performance.now() - started) / 1000;
			const title = `npm run ${[script, ...args].join(' ')}`;
			process.stdout.write(`\n━━ ${title} ${ok ? 'passed' : 'FAILED'} (${seconds.toFixed(1)} s)\n`);
			process.stdout.write(Buffer.concat(chunks));
			if (error) process.stdout.write(`${error.message}\n`);
			resolve({ stage: script, ok, seconds });
		};
		child.once('error', (error) => finish(false, error));
		child.once('close', (code) => finish(code === 0));
	});
}

async function runLane(stages: readonly Stage[]): Promise<Outcome[]> {
	const outcomes: Outcome[] = [];
	for (const stage of stages) outcomes.push(await run(stage));
	return outcomes;
}

const started = performance.now();
const outcomes = (await Promise.all(LANES.map(runLane))).flat();
const total = (performance.now() - started) / 1000;
console.log('\n━━ npm test');
for (const { stage, ok, seconds } of outcomes) {
	console.log(`${ok ? '✓' : '✗'} ${stage.padEnd(10)} ${seconds.toFixed(1).padStart(6)} s`);
}
const failed = outcomes.filter((outcome) => !outcome.ok).map((outcome) => outcome.stage);
console.log(
	failed.length === 0
		? `all ${outcomes.length} stages passed in ${total.toFixed(1)} s`
		: `${failed.join(', ')} failed (${total.toFixed(1)} s)`
);
process.exitCode = failed.length === 0 ? 0 : 1;
