import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where Debian's `nginx` package installs the server. */
export const NGINX = '/usr/sbin/nginx';

/** A running nginx the test owns. */
export interface RunningNginx {
	/** What nginx has written to its error log (stderr) so far. */
	log: () => string;
	/** Stops nginx (SIGTERM, its fast shutdown) and resolves once the process has exited. */
	stop: () => Promise<void>;
}

// Printed after nginx has read its configuration and opened its listening sockets.
const READY = 'getrlimit(RLIMIT_NOFILE)';

/**
 * Runs Debian's nginx in the foreground as a child process of the test, with `site` (a file for
 * the `http` context, as a reader's conf.d file is) included in a main configuration written to
 * `prefix`: one process (`master_process off`, so it never changes user and reads the test's
 * files), every temporary path and the pid file under `prefix`, the error log on stderr.
 * Resolves once nginx listens; rejects with its error log if it exits first (a bad config).
 */
export async function startNginx(
	prefix: string,
	site: string,
	binary: string = NGINX
): Promise<RunningNginx> {
	if (!existsSync(binary)) {
		throw new Error(
			`${binary} not found: this test runs the published nginx config in Debian's nginx. ` +
				'Install it with: apt-get update && apt-get install -y nginx'
		);
	}
	mkdirSync(prefix, { recursive: true });
	const sitePath = join(prefix, 'site.conf');
	writeFileSync(sitePath, site);
	const temp = (name: string) => `${name}_temp_path ${join(prefix, name)};`;
	const main = [
		'daemon off;',
		'master_process off;',
		`pid ${join(prefix, 'nginx.pid')};`,
		'error_log stderr notice;',
		'events { worker_connections 64; }',
		'http {',
		`    ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n    ')}`,
		'    access_log off;',
		`    include ${sitePath};`,
		'}',
		'',
	].join('\n');
	const mainPath = join(prefix, 'nginx.conf');
	writeFileSync(mainPath, main);

	const child = spawn(binary, ['-c', mainPath, '-p', `${prefix}/`], {
		stdio: ['ignore', 'ignore', 'pipe'],
	});
	let log = '';
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	await new Promise<void>((resolve, reject) => {
		child.stderr!.setEncoding('utf8');
		child.stderr!.on('data', (chunk: string) => {
			log += chunk;
			if (log.includes(READY)) resolve();
		});
		child.once('error', reject);
		void exited.then(() => reject(new Error(`nginx exited before listening:\n${log}`)));
	});
	return {
		log: () => log,
		stop: () => stop(child, exited),
	};
}

async function stop(child: ChildProcess, exited: Promise<void>): Promise<void> {
	if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
	await exited;
}
