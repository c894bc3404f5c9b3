import { existsSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { readPage } from '../../src/verify/pages/readPage.ts';
import { callsCurl, checkCurlSession } from '../../src/verify/samples/checkCurlFence.ts';
import { readPages, type Page } from './readPages.ts';
import { useFenceServer } from '../support/useFenceServer.ts';

const fenceServer = useFenceServer();

/** Pastes every fence of a page in order into one bash session; the problems of all of them. */
const checkPage = (page: Page): Promise<string[]> =>
	checkCurlSession(fences(page), page.path, fenceServer);

const fences = (page: Page) => readPage(page.path, page.source).fences;
const pages = readPages().filter((page) => fences(page).some(callsCurl));

describe('curl fences on the pages run against the mock over HTTP', () => {
	test('real curl and jq are installed (the commands read tokens from answers with jq)', () => {
		expect(existsSync('/usr/bin/curl')).toBe(true);
		expect(existsSync('/usr/bin/jq')).toBe(true);
	});

	test('the pages have curl fences to run (Try it locally at least)', () => {
		expect(pages.map((page) => page.path)).toContain('src/content/docs/start/try-it-locally.mdx');
	});

	for (const page of pages) {
		test(`${page.path}: every curl fence gets the statuses it declares`, async () => {
			expect(await checkPage(page)).toEqual([]);
		}, 120_000);
	}
});

describe('the curl fence checker', () => {
	test('passes every supported form (tests/samples/fixtures/pass-curl.mdx)', async () => {
		const [fixture] = readPages('tests/samples/fixtures/pass-curl.mdx');
		expect(fixture).toBeDefined();
		expect(fences(fixture as Page).filter(callsCurl)).toHaveLength(7);
		expect(await checkPage(fixture as Page)).toEqual([]);
	}, 60_000);

	test('reports each defect of tests/samples/fixtures/fail-curl.mdx at its line', async () => {
		const [fixture] = readPages('tests/samples/fixtures/fail-curl.mdx');
		const problems = await checkPage(fixture as Page);
		const headline = (line: number) =>
			problems.filter(
				(problem) =>
					problem.startsWith(`${fixture?.path}:${line}: `) && !problem.includes(': output:')
			);
		expect(headline(8)).toEqual([expect.stringContaining('curl fence declares no status')]);
		expect(headline(14)).toEqual([
			expect.stringContaining(
				'declared status=200 but the requests got 401 (POST /3rdparty/v1/messages → 401)'
			),
		]);
		expect(headline(20)).toEqual([
			expect.stringContaining('declared status=200 but the requests got 200,200'),
		]);
		expect(headline(27)).toEqual([
			expect.stringContaining('curl in a ```console fence cannot be executed'),
		]);
		expect(headline(33)).toEqual([expect.stringContaining('scopes= is not read any more')]);
		expect(headline(39)).toEqual([
			expect.stringContaining('<MESSAGE_ID>, <ACCESS_TOKEN> must be edited before the block runs'),
		]);
		expect(headline(45)).toEqual([
			expect.stringMatching(/exited with [1-9]/),
			expect.stringContaining('but the requests got no request at all'),
		]);
		expect(headline(51)).toEqual([
			expect.stringContaining('status="ok" is not a list of HTTP status codes'),
		]);
		expect(headline(57)).toEqual([
			expect.stringContaining('declared status=201 but the requests got 200'),
		]);
		expect(headline(63)).toEqual([
			expect.stringMatching(/exited with [1-9]/),
			expect.stringContaining('but the requests got no request at all'),
		]);
	}, 60_000);
});
