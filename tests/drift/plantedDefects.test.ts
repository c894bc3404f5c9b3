/**
 * The defects this project exists to stop, planted one at a time: each must turn the check that
 * guards against it red, with a message that names the place.
 *
 * Planted in memory and handed to the real tool through its API (see plantInMemory.ts, which
 * also says how to add one); plantedBuilds.test.ts holds the few that need a whole copy of the
 * repository. Each case runs only the one check that must catch it; `npm test` runs all of those
 * checks anyway. Every tool also gets the unplanted file, which it must pass, so a helper that
 * failed whatever it was given could not make these tests pass.
 */
import { describe, expect, test } from 'vitest';
import { behaviourCase } from '../../src/data/behaviour.ts';
import {
	checkReferencesPlanted,
	expectFinding,
	lintPlanted,
	plantText,
	testPlanted,
	typecheckPlanted,
} from './plantInMemory.ts';

const TIMEOUT = 60_000;
const QUICK_START = 'src/content/docs/start/quick-start.mdx';
const unplanted = (file: string) => plantText(file, { append: '' });

describe('planted defects turn npm test red', () => {
	test(
		'a call to a method that does not exist, in an example: the type check fails naming file and line',
		() => {
			const file = 'examples/quick-start/send-message.ts';
			expect(typecheckPlanted(unplanted(file))).toEqual({ exitCode: 0, output: '' });
			const planted = plantText(file, {
				find: 'if (!response.ok) {',
				replace: 'if (!response.okay) {',
			});
			const { exitCode, output } = typecheckPlanted(planted);
			expect(exitCode).not.toBe(0);
			expect(output).toMatch(
				new RegExp(
					`^examples/quick-start/send-message\\.ts\\(${planted.line},\\d+\\): error TS\\d+: Property 'okay' does not exist`
				)
			);
		},
		TIMEOUT
	);

	test(
		'`=== 200` where the API answers 201: the example’s test fails',
		async () => {
			const file = 'examples/quick-start/issue-token-pair.ts';
			const testFile = 'tests/examples/quick-start/issue-token-pair.test.ts';
			expect(await testPlanted(unplanted(file), testFile)).toEqual({
				exitCode: 0,
				output: '',
				failedTests: [],
			});
			const planted = plantText(file, {
				find: 'if (!response.ok) {',
				replace: 'if (response.status !== 200) {',
			});
			const { exitCode, output } = await testPlanted(planted, testFile);
			expect(exitCode).not.toBe(0);
			expect(output).toMatch(/issuing a token pair failed: 201/);
		},
		TIMEOUT
	);

	test(
		'seconds compared with milliseconds: the refresh schedule’s test fails',
		async () => {
			const planted = plantText('examples/token-pairs/refresh-delay.ts', {
				find: 'const margin = marginSeconds * 1000;',
				replace: 'const margin = marginSeconds;',
			});
			const { exitCode, output } = await testPlanted(
				planted,
				'tests/examples/token-pairs/refresh-delay.test.ts'
			);
			expect(exitCode).not.toBe(0);
			expect(output).toMatch(/expected 899940 to be 840000/);
		},
		TIMEOUT
	);

	test('the page as it is passes the lint', async () => {
		expect((await lintPlanted(unplanted(QUICK_START))).exitCode).toBe(0);
	});

	test.each([
		{ name: 'an unlabeled fence', text: '\n```\ncurl https://example.test\n```\n', rule: 'TPD001' },
		{
			name: 'a JWT-shaped literal',
			// Assembled here so the repository itself holds no JWT-shaped literal for scanners to flag.
			text: `\nSend \`Bearer ${['eyJhbGciOiJFUzI1NiJ9', 'eyJzdWIiOiJ4In0', 'c2lnbmF0dXJl'].join('.')}\`.\n`,
			rule: 'TPD002',
		},
		{
			name: 'TypeScript typed into the page',
			text: '\n```ts\nconst token = await getToken();\n```\n',
			rule: 'TPD003',
		},
	])('$name on a page: lint fails naming file, line and rule', async ({ text, rule }) => {
		const planted = plantText(QUICK_START, { append: text });
		const { exitCode, output } = await lintPlanted(planted);
		expect(exitCode).not.toBe(0);
		expectFinding(output, planted, rule);
	});

	test('a region no page shows: the orphan check fails naming it', () => {
		const file = 'examples/quick-start/send-message.ts';
		expect(checkReferencesPlanted(unplanted(file))).toEqual([]);
		const planted = plantText(file, {
			append: '\n// #region unused\nexport const unused = 1;\n// #endregion unused\n',
		});
		expect(checkReferencesPlanted(planted).map((finding) => finding.message)).toEqual([
			expect.stringMatching(
				new RegExp(`^examples/quick-start/send-message\\.ts:${planted.line}: region "unused"`)
			),
		]);
	});

	describe('a planted change to an example’s behaviour fails the test named after its table row', () => {
		const row = (id: string) => {
			const entry = behaviourCase(id);
			return `${entry.when} → ${entry.then}`;
		};
		test.each([
			{
				what: 'a retry rule (a 429 no longer transient)',
				file: 'examples/long-running/with-retries.ts',
				find: ' || error.status === 429',
				replace: '',
				testFile: 'tests/examples/long-running/with-retries.test.ts',
				id: 'retry.429',
			},
			{
				what: 'a delay floor (the daemon’s timer without one)',
				file: 'examples/long-running/token-daemon.ts',
				find: 'return { id, delay: atLeastFloor(backoff(this.#shortLived++, baseDelayMs, maxDelayMs)) };',
				replace: 'return { id, delay: 0 };',
				testFile: 'tests/examples/long-running/token-daemon.test.ts',
				id: 'daemon.expired',
			},
			{
				what: 'a revoke (the refused login no longer revoked)',
				file: 'examples/refresh/token-manager.ts',
				find: 'if (this.#abandoned) await this.#revokeLogin(this.#abandoned);',
				replace: '',
				testFile: 'tests/examples/refresh/token-manager.test.ts',
				id: 'manager.refused',
			},
		])(
			'$what: the row “$id” turns red',
			async ({ file, find, replace, testFile, id }) => {
				// Each plant in its own file: vitest runs in this process share Vite's transform cache.
				const planted = plantText(file, { find, replace });
				const { exitCode, failedTests } = await testPlanted(planted, testFile);
				expect(exitCode).not.toBe(0);
				expect(failedTests).toContain(row(id));
			},
			TIMEOUT
		);
	});
});
