import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Clock } from '../../../src/mock/clock/Clock.ts';
import { createMockApi } from '../../../src/mock/createMockApi.ts';
import { createNodeTransport } from '../../../src/mock/transports/node.ts';
import { exchangeLine } from '../../../src/runner/redact/displayExchange.ts';
import type { RunRecord } from '../../../src/runner/runtime/RunRecord.ts';
import { Runtime } from '../../../src/runner/runtime/Runtime.ts';
import { outcomeProblems } from '../../../src/runner/scenarios/outcomeProblems.ts';
import { scenarios } from '../../../src/runner/scenarios/registry.ts';
import { scenarioKey } from '../../../src/runner/scenarios/Scenario.ts';

// The same wiring as the page (src/runner/activate.ts), with msw/node instead of the worker.
const api = createMockApi({ clock: new Clock(Date.now.bind(Date)) });
const server = createNodeTransport(api);
const runtime = new Runtime({
	api,
	transport: { start: async () => undefined },
	scenarios,
	baseUrl: 'https://docs.token-pair.test',
});
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
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
		expect(expiresAt - Date.now()).toBeGreaterThan(30 * 86_400_000);
		expect(record.startedAt - Date.now()).toBeGreaterThan(30 * 86_400_000 - 5_000);
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

	test('wraps each run, clock move and reset in the exclusive section, one at a time', async () => {
		const events: string[] = [];
		let inside = 0;
		const shared = new Runtime({
			api,
			transport: { start: async () => undefined },
			scenarios,
			baseUrl: 'https://docs.token-pair.test',
			async exclusive(work) {
				inside++;
				events.push(`enter ${inside}`);
				try {
					return await work();
				} finally {
					inside--;
					events.push('leave');
				}
			},
		});
		await Promise.all([
			shared.reset(),
			shared.run('quick-start/issue-token-pair.ts#issue-token-pair', 'run'),
			shared.advance(60),
		]);
		expect(events).toEqual(['enter 1', 'leave', 'enter 1', 'leave', 'enter 1', 'leave']);
		await shared.reset();
	});

	test('an unknown action rejects instead of running something else', async () => {
		await expect(runtime.run('quick-start/main.ts#main', 'nope')).rejects.toThrow(
			'no action "nope"'
		);
	});
});
