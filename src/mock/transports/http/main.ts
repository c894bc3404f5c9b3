/**
 * `npm run mock-api`: the mock Token Pair API on http://127.0.0.1:8787 for curl, Postman or a
 * browser tool. Node 24 runs this file directly (type stripping); settings come from the
 * environment (see readServerConfig.ts). Not imported by anything: this is the process entry.
 */
import type { Account } from '../../auth/Account.ts';
import { createMockApi } from '../../createMockApi.ts';
import { formatBanner } from './formatBanner.ts';
import { readServerConfig } from './readServerConfig.ts';
import { startHttpServer } from './startHttpServer.ts';

const result = readServerConfig(process.env);
if (!result.ok) {
	console.error('mock-api: not starting, the environment is invalid:');
	for (const problem of result.problems) console.error(`  - ${problem}`);
	process.exit(1);
}
const { config } = result;
// Exactly the configured accounts, every one of them printed in the banner: no built-in second
// account with a well-known password.
const accounts: Account[] = [
	{ username: config.username, password: config.password, userId: 'user-demo' },
];
if (config.other) accounts.push({ ...config.other, userId: 'user-other' });
const api = createMockApi({
	accounts,
	reusePolicy: config.reusePolicy,
	overlapSeconds: config.overlapSeconds,
	// Nothing reads the exchange log over HTTP; keeping none holds the server's memory flat.
	logCapacity: 0,
});

let server: Awaited<ReturnType<typeof startHttpServer>>;
try {
	server = await startHttpServer({ api, port: config.port });
} catch (error) {
	const code = (error as { code?: string }).code;
	const reason =
		code === 'EADDRINUSE'
			? `port ${config.port} is in use; set PORT to another one (PORT=0 picks a free port)`
			: String(error);
	console.error(`mock-api: cannot listen: ${reason}`);
	process.exit(1);
}
console.log(formatBanner(config, server.url, api.accounts));

let stopping = false;
const stop = (signal: string) => {
	if (stopping) {
		console.error(`mock-api: ${signal} again, exiting now`);
		process.exit(1);
	}
	stopping = true;
	console.log(`\nmock-api: ${signal}, finishing requests in flight…`);
	void server.close().then(() => {
		console.log('mock-api: stopped');
		process.exitCode = 0;
	});
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
