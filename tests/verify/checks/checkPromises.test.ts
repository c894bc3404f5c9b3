import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { BehaviourCase } from '../../../src/data/behaviour.ts';
import { checkPromises, readPromiseFiles } from '../../../src/verify/checks/checkPromises.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const IMPORTS = `import Promised from '../../../components/Promised.astro';
import Behaviour from '../../../components/Behaviour.astro';
`;
const page = (body: string) => ({
	path: 'src/content/docs/guides/x.mdx',
	source: `${IMPORTS}\n${body}\n`,
});
const CASE: BehaviourCase = { id: 'x.one', example: 'x/one.ts', when: 'w', then: 't' };
const TESTS = [
	{ path: 'tests/examples/x/one.test.ts', source: `behaviour('x.one', async () => {});` },
	{ path: 'tests/pages/x.test.ts', source: `test('holds the promise', () => {});` },
];
const check = (body: string, tests = TESTS) =>
	checkPromises({ pages: [page(body)], tests, cases: [CASE] }).map((finding) => finding.message);

describe('checkPromises', () => {
	test('the repository: every case has its test, every <Promised> names one that exists', () => {
		expect(checkPromises(readPromiseFiles(ROOT))).toEqual([]);
	});

	test('a promise naming a case, or a file and a title that exist, passes', () => {
		expect(
			check(
				'<Promised test="x.one">It does.</Promised> <Promised test="tests/pages/x.test.ts > holds the promise">It holds.</Promised>\n\n<Behaviour example="x/one.ts" />'
			)
		).toEqual([]);
	});

	test.each([
		['no test at all', '<Promised>It retries.</Promised>', /x\.mdx:\d+: <Promised> needs test=/],
		[
			'an unknown case',
			'<Promised test="x.on">It retries.</Promised>',
			/no test "x\.on".*closest: "x\.one"/,
		],
		[
			'a title the file does not have',
			'<Promised test="tests/pages/x.test.ts > holds nothing">It holds.</Promised>',
			/tests\/pages\/x\.test\.ts has no test titled "holds nothing"/,
		],
		[
			'a file that does not exist',
			'<Promised test="tests/pages/y.test.ts > holds the promise">It holds.</Promised>',
			/no test file tests\/pages\/y\.test\.ts/,
		],
		[
			'a table with no cases',
			'<Behaviour example="x/two.ts" />',
			/<Behaviour example="x\/two\.ts">: no case/,
		],
	])('fails on %s, naming page and line', (_, body, message) => {
		expect(check(body)).toEqual([expect.stringMatching(message)]);
	});

	test('a case whose test file does not run it fails, naming the file and the case', () => {
		const tests = [{ path: 'tests/examples/x/one.test.ts', source: `test('x.one', () => {});` }];
		expect(check('', tests)).toEqual([
			'tests/examples/x/one.test.ts: no behaviour(\'x.one\', …) test for the case "x.one"',
		]);
	});
});
