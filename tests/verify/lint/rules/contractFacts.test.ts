import { describe, expect, test } from 'vitest';
import { type Finding, lintInProcess } from '../lintInProcess.ts';

const config = { TPD004: true };
const lint = (fixture: string) => lintInProcess({ fixture: `contract-facts/${fixture}` }, config);
const summary = (findings: readonly Finding[]) =>
	findings.map(({ line, rule, detail }) => ({ line, rule, detail }));
/** A finding on `line` whose message contains every one of `parts`. */
const at = (line: number, ...parts: string[]) => ({
	line,
	rule: 'TPD004',
	detail: expect.stringMatching(new RegExp(parts.map(escape).join('.*'), 's')) as unknown,
});
function escape(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('TPD004 contract-facts', () => {
	test('passes facts written with <Fact>, marked advice, code, comments and components', async () => {
		expect(await lint('pass-page.mdx')).toEqual([]);
	});

	test('fails statuses, names the endpoint and says whether the status is wrong', async () => {
		expect(summary(await lint('fail-statuses.mdx'))).toEqual([
			at(
				3,
				'Wrong contract fact: "200 OK"',
				'status.refreshTokenPair',
				'201 Created',
				'<Fact name="status.refreshTokenPair" />'
			),
			at(5, 'typed by hand: "201"', '<Fact name="status.issueTokenPair" as="number" />'),
			at(7, 'typed by hand: "401 Unauthorized"', '<Fact name="error.unauthorized" as="long" />'),
			at(9, 'Wrong contract fact: "201 Created"', 'status.login', '200 OK'),
		]);
	});

	test('fails durations in digits and in words, and knows which lifetime or cap they state', async () => {
		expect(summary(await lint('fail-durations.mdx'))).toEqual([
			at(3, 'Wrong contract fact: "an hour"', 'access.lifetime', '15 minutes'),
			at(5, 'Wrong contract fact: "a week"', 'refresh.lifetime', '30 days'),
			at(7, 'typed by hand: "900 s"', '<Fact name="access.lifetime" as="s" />'),
			// 30 days is a real value (the refresh token's), and still wrong for a login.
			at(9, 'Wrong contract fact: "30 days"', 'family.lifetime', '90 days'),
			at(11, 'Wrong contract fact: "60-minute"', 'as="adjective"'),
			// 7 days is a real cap, and still wrong for this scope.
			at(13, 'Wrong contract fact: "7 days"', 'cap.tokens:manage', '1 day'),
		]);
	});

	test('fails cookie attributes, header values, error messages and sizes', async () => {
		expect(summary(await lint('fail-http.mdx'))).toEqual([
			at(3, '"SameSite=Lax"', 'SameSite=Strict'),
			at(3, '"Path=/"', 'Path=/auth'),
			at(5, '"X-CSRF: true"', 'X-CSRF: 1'),
			at(7, '"Cache-Control: no-cache"', 'Cache-Control: no-store'),
			at(9, '"401"', 'error.unauthorized'),
			at(9, 'No API error has the message "Invalid refresh token"'),
			at(11, '"403 scope required: tokens:refresh"', 'as="answer" scope="tokens:refresh"'),
			at(13, 'Wrong contract fact: "1 MiB"', 'limit.body', '64 KiB'),
		]);
	});

	test('front matter, attributes and <NotAFact> cannot hide a fact; markers need a reason', async () => {
		expect(summary(await lint('fail-markers.mdx'))).toEqual([
			at(2, '"15 minutes"', 'front matter cannot hold components'),
			at(3, '"a month"', 'refresh.lifetime', 'front matter cannot hold <Fact>'),
			at(6, '"an hour"', 'access.lifetime', '<NotAFact> cannot hide a contract fact'),
			at(8, '<NotAFact> needs because="…"'),
			at(10, '<Fact name="access.lifetme"> names no fact; did you mean "access.lifetime"?'),
			at(12, '"90 days"', 'attribute cannot hold components'),
		]);
	});

	test('leaves a page the MDX parser refuses to TPD001, without crashing', async () => {
		const content = '# Title\n\nSee <https://example.com>, live 15 minutes.\n';
		const name = 'src/content/docs/broken.mdx';
		expect(await lintInProcess({ name, content }, config)).toEqual([]);
		const both = await lintInProcess({ name, content }, { ...config, TPD001: true });
		expect(summary(both)).toEqual([
			{ line: 3, rule: 'TPD001', detail: expect.stringContaining('not valid MDX') as unknown },
		]);
	});
});
