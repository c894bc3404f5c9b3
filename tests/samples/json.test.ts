import { describe, expect, test } from 'vitest';
import { checkJsonFence } from '../../src/verify/samples/checkJsonFence.ts';
import { readPage } from '../../src/verify/pages/readPage.ts';
import { readPages, type Page } from './readPages.ts';

function checkPage(page: Page): string[] {
	const { fences } = readPage(page.path, page.source);
	return fences.flatMap((fence) => checkJsonFence(fence, page.path));
}

describe('JSON fences on the pages', () => {
	test('every json fence names a schema of src/mock/contract/schemas.ts and matches it', () => {
		expect(readPages().flatMap(checkPage)).toEqual([]);
	});
});

describe('the JSON fence checker', () => {
	test('passes request and response samples, placeholders and jsonc comments included', () => {
		const [fixture] = readPages('tests/samples/fixtures/pass-json.mdx');
		expect(readPage(fixture?.path ?? '', fixture?.source ?? '').fences).toHaveLength(4);
		expect(checkPage(fixture as Page)).toEqual([]);
	});

	test('reports each defect of tests/samples/fixtures/fail-json.mdx with page:line', () => {
		const [fixture] = readPages('tests/samples/fixtures/fail-json.mdx');
		const at = (line: number) => `${fixture?.path}:${line}: `;
		expect(checkPage(fixture as Page)).toEqual([
			expect.stringMatching(new RegExp(`^${at(8)}json fence names no schema: add schema=<Name>`)),
			expect.stringContaining(
				`${at(14)}unknown schema "TokenPairRespons" (did you mean TokenPairResponse?)`
			),
			expect.stringContaining(`${at(20)}not valid JSON`),
			`${at(30)}does not match TokenPairResponse: access_token: Invalid input: expected string, received number (invalid_type)`,
			`${at(38)}does not match IssueTokenRequest: the body: unknown field scope`,
			`${at(38)}does not match IssueTokenRequest: scopes: invalid params: scopes are required (invalid_type)`,
			`${at(45)}does not match IssueTokenRequest: scopes.0: invalid params: unknown scope messages:write (invalid_value)`,
			expect.stringContaining(`${at(53)}does not match ServiceTokenSummary: expires_at: `),
		]);
	});
});
