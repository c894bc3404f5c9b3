import { describe, expect, test } from 'vitest';
import { detailsOf, linesAndRules, lintInProcess } from '../lintInProcess.ts';

const config = { TPD002: true };
const at = (...lines: number[]) => lines.map((line) => ({ line, rule: 'TPD002' }));
// Built at run time so that the repository holds no private-key header for secret scanners.
const privateKey = (edge: 'BEGIN' | 'END') => `-----${edge} ${'PRIVATE'} KEY-----`;

describe('TPD002 token-placeholders', () => {
	const failing = [
		// Front matter (3), prose (6), a code span (8), a JSON fence (11), an HTML comment (14).
		{ fixture: 'token-placeholders/fail-jwt.md', expected: at(3, 6, 8, 11, 14) },
		// Basic, Bearer, curl -u, a JSON password, a cookie, the contract's lowercase shorthand,
		// a shell variable set to a literal token and one defaulting to a literal password.
		{
			fixture: 'token-placeholders/fail-credentials.md',
			expected: at(5, 9, 10, 14, 19, 22, 27, 28),
		},
		{ fixture: 'token-placeholders/fail-placeholders.md', expected: at(3, 3, 6, 9, 9) },
		// A PEM block once (not its body), base64, hex, base64url, a key in a URL, one-line PEM.
		{ fixture: 'token-placeholders/fail-secrets.md', expected: at(4, 10, 12, 14, 15, 17) },
	];

	test.each(failing)('$fixture fails on exactly the expected lines', async (row) => {
		const findings = await lintInProcess({ fixture: row.fixture }, config);
		expect(linesAndRules(findings)).toEqual(row.expected);
	});

	test('passes placeholders, JSON, URLs, ISO times, scopes, JWKS fields, eyJ prose', async () => {
		const fixture = 'token-placeholders/pass-samples.md';
		expect(await lintInProcess({ fixture }, config)).toEqual([]);
	});

	test('every message names the placeholder to use, chosen from the line', async () => {
		const fixture = 'token-placeholders/fail-jwt.md';
		expect(detailsOf(await lintInProcess({ fixture }, config))).toEqual([
			'JWT-shaped string: write <ACCESS_TOKEN> instead',
			'JWT-shaped string: write <ACCESS_TOKEN> instead',
			'JWT-shaped string: write <ACCESS_TOKEN> instead',
			// The line mentions refresh_token.
			'JWT-shaped string: write <REFRESH_TOKEN> instead',
			'JWT-shaped string: write <ACCESS_TOKEN> instead',
		]);
	});

	test('literal credentials get the exact replacement text', async () => {
		const fixture = 'token-placeholders/fail-credentials.md';
		const write = (fix: string) => `Credential written as a literal: write ${fix} instead`;
		expect(detailsOf(await lintInProcess({ fixture }, config))).toEqual([
			write('"Authorization: Basic <BASIC_CREDENTIALS>" (base64 of <USERNAME>:<PASSWORD>)'),
			write('"Authorization: Bearer <ACCESS_TOKEN>"'),
			write(
				'-u "$API_USERNAME:$API_PASSWORD" in a shell block, -u \'<USERNAME>:<PASSWORD>\' elsewhere'
			),
			write('"password": "<PASSWORD>"'),
			write('refresh_token=<REFRESH_TOKEN>'),
			write('"Authorization: Bearer <ACCESS_TOKEN>"'),
			write(
				'ACCESS_TOKEN=$(curl … | jq -r .access_token), captured from the answer that carries the token'
			),
			write(
				"API_PASSWORD=${API_PASSWORD:-demo-password} (the local mock's demo password; a reader exports a real one)"
			),
		]);
	});

	test('a placeholder outside the vocabulary names the nearest entry', async () => {
		const fixture = 'token-placeholders/fail-placeholders.md';
		const unknown = (name: string, nearest: string) =>
			`Placeholder ${name} is not in the vocabulary: write ${nearest} instead`;
		expect(detailsOf(await lintInProcess({ fixture }, config))).toEqual([
			unknown('<YOUR_ACCESS_TOKEN>', '<ACCESS_TOKEN>'),
			unknown('<JTI>', '<TOKEN_ID>'),
			// The JSON "token" field holds a service token; that message wins over the generic one.
			'Credential written as a literal: write "token": "<SERVICE_TOKEN>" instead',
			unknown('<USER_NAME>', '<USERNAME>'),
			unknown('<PASS_WORD>', '<PASSWORD>'),
		]);
	});

	test('a PEM block says keys never appear on pages and points to the JWKS endpoint', async () => {
		const key = `${privateKey('BEGIN')}\nMC4CAQAwBQYDK2VwBCIEIA\n${privateKey('END')}`;
		const findings = await lintInProcess({ name: 'key.md', content: `# Key\n\n${key}\n` }, config);
		expect(findings).toEqual([
			{
				line: 3,
				rule: 'TPD002',
				column: 1,
				detail:
					`PEM block (${privateKey('BEGIN')}): keys never appear on pages; delete it and link ` +
					'the JWKS endpoint (GET <API_BASE_URL>/3rdparty/v1/auth/jwks) instead',
			},
		]);
	});

	test('an unterminated PEM block is one finding, not one per body line', async () => {
		const body = ['MHcCAQEEIIrYSSNQFaA2Hwf1duRSxKtLYX5CB04fSeQ6tF1aY9PuoAoGCCqGSM49'];
		const content = `# Key\n\n${privateKey('BEGIN')}\n${body.join('\n')}\n${body.join('\n')}\n`;
		expect(linesAndRules(await lintInProcess({ name: 'key.md', content }, config))).toEqual(at(3));
	});

	test('the high-entropy message gives the placeholder and never repeats the secret', async () => {
		const fixture = 'token-placeholders/fail-secrets.md';
		const findings = await lintInProcess({ fixture }, config);
		const signing = findings.find((finding) => finding.line === 10);
		expect(signing?.detail).toBe(
			'High-entropy string (40 characters) looks like a secret: write <ACCESS_TOKEN> instead ' +
				'(if it is not a credential, shorten it)'
		);
		expect(signing?.column).toBe(18);
		for (const finding of findings) expect(finding.detail).not.toMatch(/wJalr|9f86d0|f83OJ3/);
	});
});
