import { existsSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { readPage } from '../../src/verify/pages/readPage.ts';
import {
	callsCurl,
	checkCurlFence,
} from '../../src/verify/samples/checkCurlFence.ts';
import { readPages, type Page } from './readPages.ts';
import { useFenceServer } from '../support/useFenceServer.ts';

const fenceServer = useFenceServer();

/** Runs every fence of a page in order; the problems of all of them. */
async function checkPage(page: Page): Promise<string[]> {
	const problems: string[] = [];
	for (const fence of fences(page)) {
		problems.push(...(await checkCurlFence(fence, page.path, fenceServer)));
	}
	return problems;
}

const fences = (page: Page) => readPage(page.path, page.source).fences;
const pages = readPages().filter((page) => fences(page).some(callsCurl));

describe('curl fences on the pages run against the mock over HTTP', () => {
	test('real curl is installed', () => {
		expect(existsSync('/usr/bin/curl')).toBe(true);
	});

	test('the pages have curl fences to run (Try it locally at least)', () => {
		expect(pages.map((page) => page.path)).toContain('src/content/docs/help/try-it-locally.mdx');
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
		expect(fences(fixture as Page).filter(callsCurl)).toHaveLength(8);
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
			expect.stringContaining('declared status=201 but the requests got 201,401'),
		]);
		expect(headline(27)).toEqual([
			expect.stringContaining('curl in a ```console fence cannot be executed'),
		]);
		expect(headline(33)).toEqual([expect.stringContaining('unknown scope "messages:write"')]);
		expect(headline(39)).toEqual([expect.stringContaining('no value for <MESSAGE_ID>')]);
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
	}, 60_000);
});
