import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, where `astro` runs. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The Astro CLI a project resolves (its own copy, or Astro's virtual modules break), found as
 * Node finds it: a copy of the repository inside it uses the repository's node_modules.
 */
const cli = (root: string) =>
	join(
		dirname(createRequire(join(root, 'package.json')).resolve('astro/package.json')),
		'bin/astro.mjs'
	);

/**
 * What Vitest adds to the environment of its workers: Vite's `import.meta.env` (`BASE_URL`,
 * `MODE`, `DEV`, `PROD`, `SSR`) and `NODE_ENV=test`. An Astro spawned from a test would take them
 * for its own: `BASE_URL=/` overrides a configured `base`, and `DEV=1` builds in development mode.
 */
const VITEST_ENV = ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV'] as const;

/**
 * `env` as a shell would hand it to a build: without what Vitest set in it, when this runs in a
 * Vitest worker (see {@link VITEST_ENV}); anything else passes through.
 */
export function withoutVitestEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
	// Where CI collects vitest's reports (vitest.config.ts): a planted copy's runs are not ours.
	const { VITEST_JSON_DIR: _reports, ...rest } = env;
	if (rest['VITEST'] === undefined) return rest;
	const clean = { ...rest };
	for (const key of VITEST_ENV) delete clean[key];
	return clean;
}

/**
 * Runs `astro <args>` in a project (this repository unless `root` says otherwise) with this
 * process's Node (24, via npm), and fails with its output.
 */
export function astro(args: readonly string[], root = ROOT): Promise<void> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [cli(root), ...args], {
			cwd: root,
			env: withoutVitestEnv(),
			stdio: 'pipe',
		});
		let output = '';
		child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.on('error', reject);
		child.on('exit', (code) => {
			if (code === 0) resolve();
			else reject(new Error(`astro ${args.join(' ')} exited with ${code}:\n${output}`));
		});
	});
}

/** A port nothing listens on right now. */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() =>
				typeof address === 'object' && address
					? resolve(address.port)
					: reject(new Error('no port'))
			);
		});
	});
}

/** A running `astro preview`; `stop` ends exactly that process. */
export interface Preview {
	origin: string;
	stop: () => Promise<void>;
}

/**
 * Serves a build with `astro preview` and resolves once it answers `path`: after it says it is
 * listening on its port (waited for as an event, however long a busy machine takes to start it).
 */
export async function preview(
	args: readonly string[],
	path: string,
	root = ROOT
): Promise<Preview> {
	const port = await freePort();
	const child: ChildProcess = spawn(
		process.execPath,
		[cli(root), 'preview', '--port', String(port), '--ignore-lock', ...args],
		{ cwd: root, env: withoutVitestEnv(), stdio: ['ignore', 'pipe', 'pipe'] }
	);
	// localhost, not 127.0.0.1: service workers need a secure context, and only localhost is one.
	const origin = `http://localhost:${port}`;
	const stop = () =>
		new Promise<void>((resolve) => {
			if (child.exitCode !== null) return resolve();
			child.once('exit', () => resolve());
			child.kill('SIGTERM');
		});
	let output = '';
	const listening = await new Promise<boolean>((resolve) => {
		const onData = (chunk: Buffer) => {
			output += chunk.toString();
			if (output.includes(`:${port}`)) resolve(true);
		};
		child.stdout?.on('data', onData);
		child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.once('exit', () => resolve(false));
	});
	// Keep draining, so a chatty preview never blocks on a full pipe.
	child.stdout?.resume();
	child.stderr?.resume();
	if (listening && (await fetch(`${origin}${path}`)).ok) return { origin, stop };
	await stop();
	throw new Error(`astro preview did not answer ${origin}${path}:\n${output}`);
}
