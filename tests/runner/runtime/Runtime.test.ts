import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createMockApi } from '../../../src/mock/createMockApi.ts';
import { createNodeTransport } from '../../../src/mock/transports/node.ts';
import { SharedMock } from '../../../src/mock/crossTab/SharedMock.ts';
import { exchangeLine } from '../../../src/runner/redact/displayExchange.ts';
import { mockTime, runSummary } from '../../../src/runner/panel/renderRecord.ts';
import type { RunRecord } from '../../../src/runner/runtime/RunRecord.ts';
import { Runtime } from '../../../src/runner/runtime/Runtime.ts';
import { outcomeProblems } from '../../../src/runner/scenarios/outcomeProblems.ts';
import { scenarios } from '../../../src/runner/scenarios/registry.ts';
import { scenarioKey } from '../../../src/runner/scenarios/Scenario.ts';
import { START, testClock } from '../../support/testClock.ts';

// The same wiring as the page (src/runner/activate.ts), with msw/node instead of the worker and
// a mock of this "tab" alone (no Web Locks passed), which still keeps the session cookie as a
// browser would.
const BASE_URL = 'https://docs.token-pair.test';
const api = createMockApi({ clock: testClock() });
const shared = new SharedMock({ api, origin: BASE_URL });
const server = createNodeTransport(shared);
const statuses: [string, string][] = [];
const runtime = new Runtime({
	api,
	transport: { start: async () => undefined },
	scenarios,
	baseUrl: BASE_URL,
	exclusive: (work, kind) => shared.exclusive(work, kind),
	sync: () => shared.sync(),
	onStatus: (stateKey, text) => statuses.push([stateKey, text]),
});
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
// Reset disposes of the scenarios' states: their timers and channels.
afterAll(() => runtime.reset());
afterAll(() => server.close());

const observe = (record: RunRecord) => ({
	ok: record.ok,
	exchanges: record.exchanges.map(exchangeLine),
	result: record.result,
	logs: record.logs.map((line) => line.text),
});

// The browser suite replays these stories through the real panels; this replays them without a
// browser, so `npm test` catches a scenario whose documented outcome is wrong.
describe.each([...scenarios.values()])('scenario $file#$region', (scenario) => {
	test.each(scenario.stories.map((story, index) => ({ index: index + 1, story })))(
		'story $index shows what it says',
		async ({ story }) => {
			await runtime.reset();
			for (const step of story.steps) {
				if ('reset' in step) await runtime.reset();
				else if ('advance' in step) await runtime.advance(step.advance);
				else {
					const record = await runtime.run(
						scenarioKey(scenario.file, scenario.region),
						step.action
					);
					expect(outcomeProblems(step.expect, observe(record))).toEqual([]);
					expect(JSON.stringify(record)).not.toMatch(/eyJ[\w-]{5,}/);
				}
			}
		}
	);
});

describe('Runtime', () => {
	test('queues runs, so concurrent presses never mix their exchanges', async () => {
		await runtime.reset();
		const [issue, main] = await Promise.all([
			runtime.run('quick-start/issue-token-pair.ts#issue-token-pair', 'run'),
			runtime.run('quick-start/main.ts#main', 'run'),
		]);
		expect(issue.exchanges.map(exchangeLine)).toEqual(['POST /3rdparty/v1/auth/token 201']);
		expect(main.exchanges).toHaveLength(3);
		expect([issue.number, main.number]).toEqual([1, 2]);
	});

	test('an advanced clock reaches both the example’s Date.now and the mock', async () => {
		await runtime.reset();
		await runtime.advance(30 * 86_400);
		const record = await runtime.run('quick-start/issue-token-pair.ts#issue-token-pair', 'run');
		const expiresAt = Date.parse(JSON.parse(record.result).expires_at);
		expect(record.offsetSeconds).toBe(30 * 86_400);
		// The mock's clock is the test's (frozen at START): only the advance moves it.
		expect(record.startedAt).toBe(START.getTime() + 30 * 86_400_000);
		expect(expiresAt).toBe(record.startedAt + 900_000);
	});

	test('reset forgets tokens, names, state and the clock', async () => {
		await runtime.run('quick-start/send-message.ts#send-message', 'run');
		await runtime.advance(900);
		await runtime.reset();
		expect(runtime.offsetSeconds).toBe(0);
		const record = await runtime.run('quick-start/send-message.ts#send-message', 'run');
		expect(record.number).toBe(1);
		expect(record.exchanges.map((exchange) => exchange.setup)).toEqual([true, false]);
		expect(record.exchanges[1]?.request.headers).toContainEqual([
			'Authorization',
			'Bearer ‹access token 1›',
		]);
	});

	test('wraps each clock move and reset in the exclusive section, one at a time; runs sync first', async () => {
		const events: string[] = [];
		let inside = 0;
		const wrapped = new Runtime({
			api,
			transport: { start: async () => undefined },
			scenarios,
			baseUrl: BASE_URL,
			async exclusive(work, kind) {
				inside++;
				events.push(`enter ${kind} ${inside}`);
				try {
					return await work();
				} finally {
					inside--;
					events.push('leave');
				}
			},
			sync: async () => void events.push('sync'),
		});
		await Promise.all([
			wrapped.reset(),
			wrapped.run('quick-start/issue-token-pair.ts#issue-token-pair', 'run'),
			wrapped.advance(60),
		]);
		// The run is not wrapped: each of its requests is (the transport's job), or a shared
		// lock held for the whole run would block the run's own requests.
		expect(events).toEqual(['enter reset 1', 'leave', 'sync', 'enter clock 1', 'leave']);
		await wrapped.reset();
	});

	test('an action can move the clock, through the exclusive section', async () => {
		await runtime.reset();
		const kinds: string[] = [];
		const wrapped = new Runtime({
			api,
			transport: { start: async () => undefined },
			scenarios,
			baseUrl: BASE_URL,
			exclusive: (work, kind) => {
				kinds.push(kind);
				return work();
			},
		});
		const record = await wrapped.run('browser-apps/session-client.ts#fetch', 'expire');
		expect(record.offsetSeconds).toBe(900);
		expect(kinds).toEqual(['clock']);
		// The summary reads the clock where the run left it, as the panel's clock line does: it
		// once paired the offset after the move with the time before it ("+15 min (22:40 UTC)").
		expect(record.endedAt).toBe(record.startedAt + 900_000);
		expect(runSummary(record)).toContain(`clock +15 min (${mockTime(wrapped.now())})`);
		await wrapped.reset();
	});

	test('panels with one stateKey share one state; Reset disposes of it', async () => {
		await runtime.reset();
		statuses.length = 0;
		await runtime.run('browser-apps/session-client.ts#login', 'run');
		// The fetch panel's client is the login panel's: it holds the token, no refresh needed.
		const call = await runtime.run('browser-apps/session-client.ts#fetch', 'run');
		expect(call.exchanges.map(exchangeLine)).toEqual(['POST /3rdparty/v1/messages 202']);
		await runtime.run('browser-apps/session-client.ts#logout', 'run');
		// A state disposed of by the reset may still report its end after it (shuffled runs meet it).
		expect(statuses).toContainEqual([
			'browser-apps/session-client.ts',
			'logged in: an access token in this tab’s memory',
		]);
		expect(statuses.at(-1)).toEqual(['browser-apps/session-client.ts', 'logged out']);

		await runtime.reset();
		const fresh = await runtime.run('browser-apps/session-client.ts#fetch', 'run');
		expect(fresh.exchanges.map(exchangeLine)).toEqual(['POST /auth/refresh 401']);
	});

	test('a session’s refresh token is named from its Set-Cookie, and never shown', async () => {
		await runtime.reset();
		const login = await runtime.run('browser-apps/session-client.ts#login', 'run');
		expect(login.exchanges[0]?.response.headers).toContainEqual([
			'Set-Cookie',
			'refresh_token=‹refresh token 1›; HttpOnly; Secure; SameSite=Strict; Path=/auth; Max-Age=2592000',
		]);
		const refresh = await runtime.run('browser-apps/session-client.ts#refresh', 'run');
		expect(refresh.exchanges[0]?.request.headers).toContainEqual([
			'Cookie',
			'refresh_token=‹refresh token 1›',
		]);
	});

	test('an unknown action rejects instead of running something else', async () => {
		await expect(runtime.run('quick-start/main.ts#main', 'nope')).rejects.toThrow(
			'no action "nope"'
		);
	});
});
