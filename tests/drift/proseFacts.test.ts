/**
 * Planted prose defects: one wrong fact of each kind, added to a real page, fails the project's
 * lint with the page, the line and the fact. In-process: markdownlint's API with the repository's
 * own rule configuration and custom rules, as `npm run lint` loads them.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'jsonc-parser';
import type { Configuration, Rule } from 'markdownlint';
import { lint } from 'markdownlint/promise';
import { beforeAll, describe, expect, test } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const PAGE = 'src/content/docs/start/quick-start.mdx';
const readJsonc = (file: string) =>
	parse(readFileSync(resolve(ROOT, file), 'utf8')) as Record<string, unknown>;

let config: Configuration;
let customRules: Rule[];
beforeAll(async () => {
	config = readJsonc('.markdownlint.jsonc') as Configuration;
	const paths = readJsonc('.markdownlint-cli2.jsonc')['customRules'] as string[];
	customRules = await Promise.all(
		paths.map(async (path) => ((await import(resolve(ROOT, path))) as { default: Rule }).default)
	);
	// Loading the rules loads the page model and the contract: seconds on a busy machine.
}, 60_000);

/** Lints the page with `sentence` appended as its own paragraph; returns the TPD004 findings. */
async function plantOnPage(sentence: string) {
	const original = readFileSync(resolve(ROOT, PAGE), 'utf8');
	const content = `${original.trimEnd()}\n\n${sentence}\n`;
	const line = content.trimEnd().split('\n').length;
	const results = await lint({ strings: { [PAGE]: content }, config, customRules });
	const findings = (results[PAGE] ?? []).filter((error) => error.ruleNames.includes('TPD004'));
	return { line, findings };
}

describe('a wrong contract fact planted in prose fails the lint, naming page, line and fact', () => {
	test('the page as it is has no finding', async () => {
		const results = await lint({
			strings: { [PAGE]: readFileSync(resolve(ROOT, PAGE), 'utf8') },
			config,
			customRules,
		});
		expect(results[PAGE]).toEqual([]);
	});

	const planted = [
		{
			kind: 'status',
			sentence: 'A successful refresh returns `200 OK`.',
			fact: 'status.refreshTokenPair',
		},
		{
			kind: 'duration in words',
			sentence: 'Access tokens expire after an hour.',
			fact: 'access.lifetime',
		},
		{
			kind: 'duration in words',
			sentence: 'The refresh token is good for a week.',
			fact: 'refresh.lifetime',
		},
		{
			kind: 'duration in digits',
			sentence: 'An access token lives 60 minutes.',
			fact: 'access.lifetime',
		},
		{
			kind: 'adjective duration',
			sentence: 'Every login is a 30-day family at most.',
			fact: 'family.lifetime',
		},
		{
			kind: 'cap',
			sentence: 'A service token with `messages:send` may live 90 days.',
			fact: 'cap.messages:send',
		},
		{
			kind: 'cookie attribute',
			sentence: 'The session cookie is `SameSite=Lax`.',
			fact: 'cookie.sameSite',
		},
		{
			kind: 'header value',
			sentence: 'Session refreshes send `X-CSRF: yes`.',
			fact: 'header.csrf',
		},
		{
			kind: 'header value',
			sentence: 'Token responses carry `Cache-Control: private`.',
			fact: 'header.cacheControl',
		},
		{
			kind: 'error message',
			sentence: 'A replayed refresh token is answered with the message "Token reused".',
			fact: undefined,
		},
		{
			kind: 'error message',
			sentence:
				'An access token on the refresh endpoint gets `401 scope required: tokens:refresh`.',
			fact: 'error.scopeRequired',
		},
		{ kind: 'size', sentence: 'Request bodies may be up to 1 MiB.', fact: 'limit.body' },
	];

	test.each(planted)('$kind: $sentence', async ({ sentence, fact }) => {
		const { line, findings } = await plantOnPage(sentence);
		expect(findings.map((finding) => finding.lineNumber)).toContain(line);
		const detail = findings.find((finding) => finding.lineNumber === line)?.errorDetail ?? '';
		expect(detail).toMatch(fact ? /^Wrong contract fact/ : /^No API error has the message/);
		if (fact) expect(detail).toContain(`<Fact name="${fact}"`);
	});

	test('a correct fact typed by hand fails too: facts are rendered, never typed', async () => {
		const { line, findings } = await plantOnPage('The access token lives 15 minutes.');
		expect(findings.map((finding) => [finding.lineNumber, finding.errorDetail])).toEqual([
			[line, expect.stringContaining('Contract fact typed by hand') as unknown],
		]);
	});

	test('<NotAFact> does not hide a contract fact, but lets advice stand', async () => {
		const hidden = await plantOnPage(
			'<NotAFact because="sneaky">Access tokens live an hour.</NotAFact>'
		);
		expect(hidden.findings.map((finding) => finding.lineNumber)).toEqual([hidden.line]);
		const advice = await plantOnPage(
			'Refresh with a margin of <NotAFact because="advice">30 to 60 seconds</NotAFact>.'
		);
		expect(advice.findings).toEqual([]);
	});
});
