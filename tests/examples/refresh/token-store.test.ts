import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getResponse, http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { TokenManager } from '../../../examples/refresh/token-manager.ts';
import { FileTokenStore, writeFileAtomically } from '../../../examples/refresh/token-store.ts';
import { bearerOf, exchangesTo } from '../../support/exchanges.ts';
import { advance, useFakeDate } from '../../support/fakeDate.ts';
import { bearer, call } from '../../support/http.ts';
import { BASE_URL, DEMO, useMockApi } from '../../support/useMockApi.ts';

// The file system as the store sees it, with a way to make the process "die" at one call.
vi.mock('node:fs/promises', async (importOriginal) => {
	const actual = await importOriginal<typeof import('node:fs/promises')>();
	return {
		...actual,
		writeFile: vi.fn(actual.writeFile),
		rename: vi.fn(actual.rename),
		open: vi.fn(actual.open),
	};
});

const api = useMockApi();
useFakeDate();

let directory: string;
let path: string;
beforeEach(async () => {
	directory = await mkdtemp(join(tmpdir(), 'token-store-'));
	path = join(directory, 'login.json');
});
afterEach(async () => {
	await rm(directory, { recursive: true, force: true });
});

class Crash extends Error {
	override name = 'Crash';
}
const logins = () => exchangesTo(api.log.entries(), '/3rdparty/v1/auth/token', 'POST');
const refreshes = () => exchangesTo(api.log.entries(), '/auth/token/refresh');
const accepted = async (token: string) =>
	(await call('GET', '/3rdparty/v1/messages/none', { authorization: bearer(token) })).status ===
	404;
const managerOn = (storePath: string) =>
	new TokenManager({
		baseUrl: BASE_URL,
		...DEMO,
		scopes: ['messages:read'],
		store: new FileTokenStore(storePath),
	});

describe('FileTokenStore', () => {
	test('nothing stored yet is undefined; a saved login loads back; clear forgets it', async () => {
		const store = new FileTokenStore(path);
		expect(await store.load()).toBeUndefined();
		await store.save({ loginId: 'login-1', refreshToken: 'refresh-1' });
		expect(await store.load()).toEqual({ loginId: 'login-1', refreshToken: 'refresh-1' });
		await store.clear();
		expect(await store.load()).toBeUndefined();
		await store.clear(); // clearing twice is fine
	});

	test('the file is readable by its owner only, and no temporary file is left', async () => {
		await new FileTokenStore(path).save({ loginId: 'a', refreshToken: 'b' });
		expect((await stat(path)).mode & 0o777).toBe(0o600);
		expect(await readdir(directory)).toEqual(['login.json']);
	});

	test('a file someone else wrote is an error naming it, not a silent fresh login', async () => {
		await writeFile(path, JSON.stringify({ refreshToken: 'x' }));
		await expect(new FileTokenStore(path).load()).rejects.toThrow(`${path} does not hold`);
	});

	test('an unreadable path is an error, not "nothing stored"', async () => {
		await expect(new FileTokenStore(directory).load()).rejects.toMatchObject({ code: 'EISDIR' });
	});

	test.each([
		['writing the temporary file', () => vi.mocked(fs.writeFile)],
		['renaming it over the old one', () => vi.mocked(fs.rename)],
	])('a crash while %s leaves the old content, complete', async (_, step) => {
		await writeFileAtomically(path, 'old');
		step().mockRejectedValueOnce(new Crash());
		await expect(writeFileAtomically(path, 'new')).rejects.toBeInstanceOf(Crash);
		expect(await readFile(path, 'utf8')).toBe('old');
		await writeFileAtomically(path, 'newer'); // and the next write is not hindered
		expect(await readFile(path, 'utf8')).toBe('newer');
	});

	test('a crash after the rename, before the directory is flushed, leaves the new content', async () => {
		await writeFileAtomically(path, 'old');
		vi.mocked(fs.open).mockRejectedValueOnce(new Crash());
		await expect(writeFileAtomically(path, 'new')).rejects.toBeInstanceOf(Crash);
		expect(await readFile(path, 'utf8')).toBe('new');
	});
});

describe('TokenManager with a FileTokenStore: restarts', () => {
	test('a clean restart carries on with the stored login: a refresh, no second login', async () => {
		const before = managerOn(path);
		await before.getAccessToken();
		advance(840);
		await before.getAccessToken(); // rotated once; the store has the newest refresh token
		const after = managerOn(path);
		expect(await accepted(await after.getAccessToken())).toBe(true);
		expect(logins()).toHaveLength(1);
		expect(refreshes().map((exchange) => exchange.response.status)).toEqual([201, 201]);
	});

	test('revoke clears the store, so the next start logs in afresh', async () => {
		const before = managerOn(path);
		await before.getAccessToken();
		await before.revoke();
		expect(await new FileTokenStore(path).load()).toBeUndefined();
		await managerOn(path).getAccessToken();
		expect(logins()).toHaveLength(2);
		expect(refreshes()).toHaveLength(0);
	});

	/** The ways a process can die between spending a refresh token and keeping its successor. */
	const crashes = {
		'the 201 lost on the way (the server rotated)': () => {
			api.server.use(
				http.post(
					'*/3rdparty/v1/auth/token/refresh',
					async ({ request }) => {
						await getResponse(api.handlers, request);
						return HttpResponse.error();
					},
					{ once: true }
				)
			);
		},
		'the 201 read, the write not begun': () => {
			vi.mocked(fs.writeFile).mockRejectedValueOnce(new Crash());
		},
		'the temporary file written, not yet renamed': () => {
			vi.mocked(fs.rename).mockRejectedValueOnce(new Crash());
		},
		'renamed, the directory not yet flushed': () => {
			vi.mocked(fs.open).mockRejectedValueOnce(new Crash());
		},
	} as const;

	describe.each(Object.entries(crashes))('crash: %s', (_, crash) => {
		async function crashMidRotation() {
			const dying = managerOn(path);
			await dying.getAccessToken();
			const stored = await new FileTokenStore(path).load();
			advance(840);
			crash();
			await dying.getAccessToken().catch(() => {}); // and then the process is gone
			// Whatever the moment, the file holds one complete login: the old one or the new one.
			const left = await new FileTokenStore(path).load();
			expect(left?.loginId).toBe(stored?.loginId);
			return { spent: stored?.refreshToken, left };
		}

		test('with a 30 s overlap window the restart gets the same successor: no second login', async () => {
			api.settings.overlapSeconds = 30;
			await crashMidRotation();
			advance(5); // the restart takes a few seconds
			const token = await managerOn(path).getAccessToken();
			expect(await accepted(token)).toBe(true);
			expect(logins()).toHaveLength(1);
		});

		test('without one the restart logs in again, once, and never resends a refused token', async () => {
			const { spent, left } = await crashMidRotation();
			const restarted = managerOn(path);
			const token = await restarted.getAccessToken();
			expect(await accepted(token)).toBe(true);
			const refused = refreshes().filter((exchange) => exchange.response.status === 401);
			// Only a restart holding the spent token meets a 401 (reuse), and then logs in.
			expect(logins()).toHaveLength(left?.refreshToken === spent ? 2 : 1);
			expect(refused.map(bearerOf)).toEqual(left?.refreshToken === spent ? [spent] : []);
			advance(840);
			expect(await accepted(await restarted.getAccessToken())).toBe(true);
			expect(refreshes().at(-1)?.response.status).toBe(201);
		});
	});
});
