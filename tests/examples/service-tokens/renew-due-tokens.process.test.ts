import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect } from 'vitest';
import { behaviour } from '../../support/behaviour.ts';
import { createMockApi } from '../../../src/mock/createMockApi.ts';
import { faultsOf } from '../../../src/mock/faults/Faults.ts';
import {
	type RunningHttpServer,
	startHttpServer,
} from '../../../src/mock/transports/http/startHttpServer.ts';
import { runNode } from '../../support/childProcess.ts';
import { testClock } from '../../support/testClock.ts';

/** `node examples/service-tokens/renew-due-tokens.ts`, as cron runs it, against the HTTP mock. */
const SCRIPT = fileURLToPath(
	new URL('../../../examples/service-tokens/renew-due-tokens.ts', import.meta.url)
);
const NAME = 'report-worker';
const api = createMockApi({ clock: testClock() });
const faults = faultsOf(api);
let server: RunningHttpServer;
let secrets: string;

beforeAll(async () => {
	server = await startHttpServer({ api, port: 0 });
});
afterAll(() => server.close());
beforeEach(async () => {
	secrets = await mkdtemp(join(tmpdir(), 'secrets-'));
});
afterEach(async () => {
	faults.clear();
	api.reset();
	await rm(secrets, { recursive: true, force: true });
});

const cron = () =>
	runNode([SCRIPT], {
		API_BASE_URL: server.url,
		API_USERNAME: 'demo',
		API_PASSWORD: 'demo-password',
		SECRETS_DIR: secrets,
		SERVICE_TOKENS: JSON.stringify([{ name: NAME, scopes: ['messages:read'] }]),
	});
const LIST = { method: 'GET', path: '/3rdparty/v1/service-tokens' } as const;
const live = () =>
	api.log
		.entries()
		.filter((entry) => entry.request.method === 'POST' && entry.response.status === 201).length;

describe('node examples/service-tokens/renew-due-tokens.ts (a whole process)', () => {
	behaviour('renew.process', async () => {
		faults.arm(LIST, { kind: 'html', status: 503 });
		const run = cron();
		expect(await run.exited).toBe(0);
		expect(JSON.parse(run.output().stdout)).toMatchObject({ created: [NAME] });
		const stored = JSON.parse(await readFile(join(secrets, `${NAME}.json`), 'utf8'));
		expect(stored.name).toBe(NAME);
	});

	behaviour('renew.overlapProcess', async () => {
		const slow = faults.arm(LIST, { kind: 'slow' }); // holds the first run inside its lock
		const first = cron();
		await slow.met;
		const second = cron();
		expect(await second.exited).toBe(0);
		expect(JSON.parse(second.output().stdout)).toMatchObject({ skipped: true });
		slow.release();
		expect(await first.exited).toBe(0);
		expect(live()).toBe(1);
	});

	behaviour('renew.killed', async () => {
		const hang = faults.arm(LIST, { kind: 'hang' });
		const first = cron();
		await hang.met;
		first.kill('SIGKILL');
		expect(await first.exited).toBe('SIGKILL');
		hang.release();
		const next = cron();
		expect(await next.exited).toBe(0);
		expect(JSON.parse(next.output().stdout)).toMatchObject({ created: [NAME], skipped: false });
	});
});
