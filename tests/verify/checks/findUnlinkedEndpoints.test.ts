import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { findUnlinkedEndpoints } from '../../../src/verify/checks/findUnlinkedEndpoints.ts';
import { readPage } from '../../../src/verify/pages/readPage.ts';

const ROOT = 'src/content/docs';
const pages = readdirSync(ROOT, { recursive: true, encoding: 'utf8' })
	.filter((file) => file.endsWith('.mdx') && !file.startsWith('reference/api'))
	.map((file) => join(ROOT, file));

describe('every endpoint a page names links to its API reference entry', () => {
	test.each(pages)('%s', (path) => {
		const unlinked = findUnlinkedEndpoints(readPage(path, readFileSync(path, 'utf8')));
		expect(
			unlinked.map(
				(mention) =>
					`${path}:${mention.line}: ${mention.text} is not linked; write [${mention.text}](/reference/api/#…)`
			)
		).toEqual([]);
	});
});

describe('the check', () => {
	const source = [
		"import Fact from '../../../components/Fact.astro';",
		'',
		'Send it to `POST /3rdparty/v1/auth/token/refresh` or to <Fact name="endpoint.login" />.',
		'Renew with `POST /3rdparty/v1/service-tokens/<TOKEN_ID>/renew`.',
		'',
		'Linked: [`POST /auth/login`](/reference/api/#log-in) and',
		'[<Fact name="endpoint.logout" />](/reference/api/#log-out); not endpoints: `POST /nowhere`,',
		'`/auth/login`, <Fact name="status.login" />.',
	].join('\n');

	test('finds code spans and facts naming an endpoint outside a link, at their lines', () => {
		expect(findUnlinkedEndpoints(readPage('planted.mdx', source))).toEqual([
			{ line: 3, text: 'POST /3rdparty/v1/auth/token/refresh', endpoint: 'refreshTokenPair' },
			{ line: 3, text: '<Fact name="endpoint.login" />', endpoint: 'login' },
			{
				line: 4,
				text: 'POST /3rdparty/v1/service-tokens/<TOKEN_ID>/renew',
				endpoint: 'renewServiceToken',
			},
		]);
	});

	test('a link elsewhere than the reference does not count', () => {
		const page = readPage('planted.mdx', 'See [`POST /auth/login`](/guides/browser-apps/).');
		expect(findUnlinkedEndpoints(page)).toHaveLength(1);
	});
});
