import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getResponse, http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { behaviour } from '../../support/behaviour.ts';
import { CredentialsRejected } from '../../../examples/long-running/with-retries.ts';
import type { ServiceToken } from '../../../examples/service-tokens/create-service-token.ts';
import {
	DirectorySecretStore,
	main,
	renewDueTokens,
	type SecretStore,
} from '../../../examples/service-tokens/renew-due-tokens.ts';
import { exchangesTo } from '../../support/exchanges.ts';
import { basic, bearer, call } from '../../support/http.ts';
import { BASE_URL, DEMO, useMockApi } from '../../support/useMockApi.ts';

const api = useMockApi();
const DAY = 86_400;
const NOTHING = { created: [], renewed: [], revoked: [], skipped: false };
const NAME = 'report-worker';

let directory: string;
beforeEach(async () => {
	vi.useFakeTimers({
		toFake: ['setTimeout', 'clearTimeout', 'Date'],
		now: new Date('2026-03-14T01:45:00Z'),
	});
	vi.spyOn(Math, 'random').mockReturnValue(0.5);
	directory = await mkdtemp(join(tmpdir(), 'secrets-'));
});
afterEach(async () => {
	vi.useRealTimers();
	vi.restoreAllMocks();
	await rm(directory, { recursive: true, force: true });
});

class Crash extends Error {
	override name = 'Crash';
}

/** The directory store, with a way to make the process "die" at its next put or read-back. */
function secretStore() {
	const real = new DirectorySecretStore(directory);
	const store = {
		crash: undefined as 'before-put' | 'after-put' | 'confirm' | undefined,
		async currentId(name: string) {
			if (store.crash === 'confirm' && store.puts > 0) {
				store.crash = undefined;
				throw new Crash();
			}
			return real.currentId(name);
		},
		puts: 0,
		async put(token: ServiceToken) {
			if (store.crash === 'before-put') {
				store.crash = undefined;
				throw new Crash();
			}
			await real.put(token);
			store.puts += 1;
			if (store.crash === 'after-put') {
				store.crash = undefined;
				throw new Crash();
			}
		},
		lock: () => real.lock(),
		/** The token the services would read now. */
		async held(): Promise<ServiceToken> {
			return JSON.parse(await readFile(join(directory, `${NAME}.json`), 'utf8')) as ServiceToken;
		},
	};
	return store satisfies SecretStore;
}

/** Runs a renewal to its end, moving fake time for its backoff waits. */
async function run(
	secrets: SecretStore,
	overrides: Partial<Parameters<typeof renewDueTokens>[0]> = {}
) {
	let settled = false;
	const result = renewDueTokens({
		baseUrl: BASE_URL,
		...DEMO,
		tokens: [{ name: NAME, scopes: ['messages:read'] }],
		renewBeforeSeconds: 2 * DAY,
		secrets,
		...overrides,
	});
	// Marks the end without handling the outcome for the caller, who awaits `result` below.
	result.then(
		() => (settled = true),
		() => (settled = true)
	);
	// Until the run ends: move fake time for its backoff waits, and let real I/O (signing, files) on.
	while (!settled) {
		await vi.advanceTimersByTimeAsync(100);
		await new Promise((resolve) => setImmediate(resolve));
	}
	return result;
}
const advanceDays = (days: number) => vi.setSystemTime(Date.now() + days * DAY * 1000);
const works = async (token: string) =>
	(await call('GET', '/3rdparty/v1/messages/none', { authorization: bearer(token) })).status ===
	404;
/** The account's unrevoked service tokens of this job's name. */
const live = async () =>
	(
		(await call('GET', '/3rdparty/v1/service-tokens', { authorization: basic() })).body as {
			id: string;
			name: string;
		}[]
	).filter((token) => token.name === NAME);
const minted = () =>
	exchangesTo(api.log.entries(), '/3rdparty/v1/service-tokens', 'POST').length +
	exchangesTo(api.log.entries(), '/renew').length;

/** After any run that completed: one live token of the name, the one the store holds, working. */
async function expectSettled(secrets: ReturnType<typeof secretStore>) {
	const held = await secrets.held();
	expect(await works(held.token)).toBe(true);
	expect((await live()).map((token) => token.id)).toEqual([held.id]);
	return held;
}

describe('renewDueTokens', () => {
	test('bootstrap: the first run mints the first token and stores it; the next run does nothing', async () => {
		const secrets = secretStore();
		expect(await run(secrets)).toEqual({ ...NOTHING, created: [NAME] });
		const first = await expectSettled(secrets);
		expect(first.scopes).toEqual(['messages:read']);
		expect(await run(secrets)).toEqual(NOTHING);
		expect(minted()).toBe(1);
	});

	behaviour('renew.replaced', async () => {
		const secrets = secretStore();
		await run(secrets);
		const old = await secrets.held();
		advanceDays(87); // 3 days left of 90: not due yet
		expect((await run(secrets)).renewed).toEqual([]);
		advanceDays(2); // 1 day left: due
		expect(await run(secrets)).toEqual({ ...NOTHING, renewed: [NAME] });
		expect((await secrets.held()).id).not.toBe(old.id);
		expect(await works(old.token)).toBe(true); // requests in flight with it still succeed
		expect(await run(secrets)).toEqual({ ...NOTHING, revoked: [old.id] });
		await expectSettled(secrets);
		expect(await works(old.token)).toBe(false);
	});

	test('an expired token is still renewed (say the job did not run for a month)', async () => {
		const secrets = secretStore();
		await run(secrets);
		advanceDays(120);
		expect(await works((await secrets.held()).token)).toBe(false);
		expect((await run(secrets)).renewed).toEqual([NAME]);
		await run(secrets);
		await expectSettled(secrets);
	});

	test('a stored token that was revoked by hand is replaced with a new one', async () => {
		const secrets = secretStore();
		await run(secrets);
		const held = await secrets.held();
		await call('DELETE', `/3rdparty/v1/auth/token/${held.id}`, { authorization: basic() });
		expect((await run(secrets)).created).toEqual([NAME]);
		await expectSettled(secrets);
	});

	test('a wrong password is terminal: CredentialsRejected after one request, nothing touched', async () => {
		const secrets = secretStore();
		await expect(run(secrets, { password: 'wrong' })).rejects.toBeInstanceOf(CredentialsRejected);
		expect(api.log.entries().map((entry) => entry.response.status)).toEqual([401]);
		expect(await secrets.currentId(NAME)).toBeUndefined();
	});

	test('a 503 on the list is retried with backoff, then the run goes on', async () => {
		const secrets = secretStore();
		api.server.use(
			http.get('*/3rdparty/v1/service-tokens', () => new HttpResponse(null, { status: 503 }), {
				once: true,
			})
		);
		expect((await run(secrets)).created).toEqual([NAME]);
		await expectSettled(secrets);
	});

	behaviour(
		'renew.lost',
		async () => {
			const secrets = secretStore();
			await run(secrets);
			advanceDays(89);
			api.server.use(
				http.post(
					'*/3rdparty/v1/service-tokens/:id/renew',
					async ({ request }) => {
						await getResponse(api.handlers, request); // the server mints, the answer is lost
						return HttpResponse.error();
					},
					{ once: true }
				)
			);
			await run(secrets);
			expect(exchangesTo(api.log.entries(), '/renew')).toHaveLength(2);
			const report = await run(secrets);
			expect(report.revoked).toHaveLength(2); // the old token and the orphan
			await expectSettled(secrets);
		},
		20_000
	); // many signed tokens and a backoff stepped through: slow on a loaded machine

	describe('a crash at each step, then the next run', () => {
		const steps = {
			'before the hand-off (the new token minted, never stored)': 'before-put',
			'after the store took it, before the read-back': 'after-put',
			'during the read-back': 'confirm',
		} as const;

		const crashThenRecover = async (crash: (typeof steps)[keyof typeof steps]) => {
			api.reset();
			await rm(directory, { recursive: true, force: true });
			directory = await mkdtemp(join(tmpdir(), 'secrets-'));
			vi.setSystemTime(new Date('2026-03-14T01:45:00Z'));
			const secrets = secretStore();
			await run(secrets);
			const old = await secrets.held();
			advanceDays(89);
			secrets.crash = crash;
			await expect(run(secrets)).rejects.toBeInstanceOf(Crash);
			expect(await works(old.token)).toBe(true); // nothing was revoked yet
			await run(secrets);
			await run(secrets);
			const current = await expectSettled(secrets);
			expect(current.id).not.toBe(old.id);
			expect(await works(old.token)).toBe(false);
			expect(minted()).toBeLessThanOrEqual(3); // the first, and at most one renewal per run
		};

		behaviour(
			'renew.crash',
			async () => {
				for (const crash of Object.values(steps)) await crashThenRecover(crash);
			},
			20_000
		);

		test.each(Object.entries(steps))('bootstrap: crash %s', async (_, crash) => {
			const secrets = secretStore();
			secrets.crash = crash;
			await expect(run(secrets)).rejects.toBeInstanceOf(Crash);
			await run(secrets);
			const held = await secrets.held();
			expect(await works(held.token)).toBe(true);
			// A first token whose hand-off never happened has no lineage to tell it from a token a
			// person minted under the same name: it is left alone, never revoked by name.
			const others = (await live()).filter((token) => token.id !== held.id);
			expect(others).toHaveLength(crash === 'before-put' ? 1 : 0);
		});

		test('crash during the revocations: the next run revokes what is left', async () => {
			const secrets = secretStore();
			await run(secrets);
			const old = await secrets.held();
			advanceDays(89);
			api.server.use(
				http.delete('*/3rdparty/v1/auth/token/:jti', () => HttpResponse.json({}, { status: 400 }), {
					once: true,
				})
			);
			await run(secrets); // renewed; the old token is revoked by the next run
			await expect(run(secrets)).rejects.toMatchObject({ status: 400 });
			expect(await works(old.token)).toBe(true);
			expect(await run(secrets)).toEqual({ ...NOTHING, revoked: [old.id] });
			await expectSettled(secrets);
		});
	});

	test('a store that does not keep what it was given stops the run before anything is revoked', async () => {
		const secrets = secretStore();
		await run(secrets);
		const old = await secrets.held();
		advanceDays(89);
		const forgetful: SecretStore = {
			currentId: (name) => secrets.currentId(name),
			put: async () => {},
			lock: () => secrets.lock(),
		};
		await expect(run(forgetful)).rejects.toThrow(/did not take the new report-worker token/);
		expect(await works(old.token)).toBe(true);
	});
});

describe('overlapping runs and tokens it did not mint', () => {
	behaviour('renew.overlap', async () => {
		const secrets = secretStore();
		const [one, two] = await Promise.all([run(secrets), run(secretStore())]);
		expect([one.skipped, two.skipped].sort()).toEqual([false, true]);
		await expectSettled(secrets);
		advanceDays(89);
		await Promise.all([run(secrets), run(secretStore())]);
		await Promise.all([run(secrets), run(secretStore())]);
		await expectSettled(secrets);
	});

	test('a lock left by a run that died is taken over; a live run’s lock is respected', async () => {
		const lock = join(directory, '.renewal.lock');
		const { hostname } = await import('node:os');
		const secrets = secretStore();
		const holder = (pid: number, since = Date.now()) =>
			writeFile(lock, JSON.stringify({ pid, host: hostname(), since }));
		await holder(process.pid); // a live process holds it
		expect((await run(secrets)).skipped).toBe(true);
		await holder(2 ** 22 + 1); // beyond any pid: that process is gone
		expect((await run(secrets)).created).toEqual([NAME]);
		await writeFile(lock, JSON.stringify({ pid: 1, host: 'elsewhere', since: Date.now() }));
		expect((await run(secrets)).skipped).toBe(true);
		advanceDays(1); // older than STALE_LOCK_MS: its run is long dead
		expect((await run(secrets)).skipped).toBe(false);
	});

	behaviour('renew.byHand', async () => {
		const secrets = secretStore();
		const byHand = (
			await call('POST', '/3rdparty/v1/service-tokens', {
				authorization: basic(),
				json: { name: NAME, scopes: ['messages:read'] },
			})
		).body as ServiceToken;
		await run(secrets);
		advanceDays(89);
		await run(secrets);
		await run(secrets);
		expect(await works(byHand.token)).toBe(true);
		const held = await secrets.held();
		expect((await live()).map((token) => token.id).sort()).toEqual([byHand.id, held.id].sort());
	});
});

describe('DirectorySecretStore', () => {
	test('an unreadable entry is an error, not "no token yet"', async () => {
		await writeFile(join(directory, 'x.json'), '{');
		await expect(new DirectorySecretStore(directory).currentId('x')).rejects.toThrow(SyntaxError);
	});
});

describe('main', () => {
	test('reads its settings from the environment and logs names and ids, never a token', async () => {
		const log = vi.spyOn(console, 'log').mockImplementation(() => {});
		const report = main({
			API_BASE_URL: BASE_URL,
			API_USERNAME: DEMO.username,
			API_PASSWORD: DEMO.password,
			SECRETS_DIR: directory,
			SERVICE_TOKENS: JSON.stringify([{ name: NAME, scopes: ['messages:read'] }]),
		});
		expect(await report).toEqual({ ...NOTHING, created: [NAME] });
		const held = JSON.parse(
			await readFile(join(directory, `${NAME}.json`), 'utf8')
		) as ServiceToken;
		expect(String(log.mock.calls[0]?.[0])).not.toContain(held.token);
		expect(await works(held.token)).toBe(true);
	});

	test('refuses to start without its settings', async () => {
		await expect(main({ API_BASE_URL: BASE_URL })).rejects.toThrow(/SECRETS_DIR/);
		expect(api.log.entries()).toHaveLength(0);
	});
});
