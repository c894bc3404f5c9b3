import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { displayExchange } from '../../../src/runner/redact/displayExchange.ts';
import { redact, UNKNOWN_TOKEN } from '../../../src/runner/redact/redact.ts';
import { TokenNames } from '../../../src/runner/redact/TokenNames.ts';
import { basic, call, issuePair, refresh } from '../../support/http.ts';
import { useMockApi } from '../../support/useMockApi.ts';

const api = useMockApi();

// The repository's lint regex for a leaked JWT, and a stricter one without its word boundary.
const LINT_JWT = /(?<![\w-])eyJ[\w-]{5,}/;
const ANY_JWT = /eyJ[\w-]{5,}/;

/** Real tokens from the mock: two generations of a pair and a service token, in order of issue. */
async function issueRealTokens() {
	const first = await issuePair(['messages:send']);
	const rotated = (await refresh(first.refresh_token)).body as typeof first;
	const service = await call('POST', '/3rdparty/v1/service-tokens', {
		authorization: basic(),
		json: { name: 'billing-job', scopes: ['messages:send'] },
	});
	expect(service.status).toBe(201);
	const names = new TokenNames();
	for (const exchange of api.log.entries()) names.learn(exchange.response.body ?? '');
	return { first, rotated, service: service.body.token as string, names };
}

/** Every window of `size` characters of a token's payload and signature. */
function tokenPieces(token: string, size = 12): string[] {
	const pieces: string[] = [];
	for (const segment of token.split('.').slice(1)) {
		for (let i = 0; i + size <= segment.length; i++) pieces.push(segment.slice(i, i + size));
	}
	return pieces;
}

function expectNoTokenLeft(text: string, tokens: readonly string[]) {
	expect(text).not.toMatch(LINT_JWT);
	expect(text).not.toMatch(ANY_JWT);
	for (const token of tokens) {
		const leaked = tokenPieces(token).filter((piece) => text.includes(piece));
		expect(leaked).toEqual([]);
	}
}

describe('redact with real tokens from the mock', () => {
	test('names tokens by role and generation, in order of issue', async () => {
		const { first, rotated, service, names } = await issueRealTokens();
		expect(names.nameOf(first.access_token)).toBe('‹access token 1›');
		expect(names.nameOf(first.refresh_token)).toBe('‹refresh token 1›');
		expect(names.nameOf(rotated.access_token)).toBe('‹access token 2›');
		expect(names.nameOf(rotated.refresh_token)).toBe('‹refresh token 2›');
		expect(names.nameOf(service)).toBe('‹service token 1›');
	});

	test('leaves nothing token-shaped in any logged exchange, raw or as displayed', async () => {
		const { first, rotated, service, names } = await issueRealTokens();
		const tokens = [first.access_token, first.refresh_token, rotated.access_token];
		tokens.push(rotated.refresh_token, service);
		const exchanges = api.log.entries();
		expect(exchanges.length).toBe(3);
		const raw = JSON.stringify(exchanges, null, 2);
		expect(raw).toMatch(ANY_JWT); // the log itself does hold tokens
		const redacted = redact(raw, names);
		expectNoTokenLeft(redacted, tokens);
		expect(redacted).toContain('‹refresh token 1›');

		for (const exchange of exchanges) {
			const shown = JSON.stringify(displayExchange(exchange, names, false));
			expectNoTokenLeft(shown, tokens);
		}
		const refreshed = displayExchange(exchanges[1]!, names, false);
		expect(refreshed.request.headers).toContainEqual(['Authorization', 'Bearer ‹refresh token 1›']);
		expect(refreshed.response.body).toContain('"access_token": "‹access token 2›"');
	});

	test('a token split off from its context, truncated, or only its signature, is still hidden', async () => {
		const { first, names } = await issueRealTokens();
		const [header, payload, signature] = first.access_token.split('.');
		const text = [
			`curl -H "Authorization: Bearer ${first.access_token}"`,
			`glued:${first.refresh_token}x${first.access_token}`,
			`truncated: ${first.access_token.slice(0, 40)}...`,
			`just the payload: ${payload}`,
			`just the signature: ${signature}`,
			`header alone: ${header}`,
		].join('\n');
		const redacted = redact(text, names);
		expectNoTokenLeft(redacted, [first.access_token, first.refresh_token]);
		expect(redacted).toContain('Bearer ‹access token 1›');
		expect(redacted).toContain(`truncated: ${UNKNOWN_TOKEN}...`);
		expect(redacted).toContain('just the signature: ‹part of a token›');
	});

	test('any mix of real tokens and base64url noise comes out clean', async () => {
		const { first, rotated, service, names } = await issueRealTokens();
		const tokens = [first.access_token, first.refresh_token, rotated.access_token, service];
		const noise = fc.string({ unit: fc.constantFrom(...'abcXYZ019-_. "=:'), maxLength: 12 });
		const piece = fc.oneof(noise, fc.constantFrom(...tokens));
		fc.assert(
			fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
				expectNoTokenLeft(redact(pieces.join(''), names), tokens);
			}),
			{ numRuns: 300 }
		);
	});
});

describe('redact without a mock', () => {
	test('a JWT nobody issued becomes ‹unrecognised token›', () => {
		const forged = `eyJhbGciOiJub25lIn0.${btoa('{"type":"access"}').replaceAll('=', '')}.`;
		expect(redact(`Bearer ${forged}`, new TokenNames())).toBe(`Bearer ${UNKNOWN_TOKEN}`);
		expect(redact('eyJhbGciOi', new TokenNames())).toBe(UNKNOWN_TOKEN);
	});

	test('keeps prose about the eyJ prefix and ordinary ids', () => {
		const text = 'A JWT starts with "eyJ". Pair 4YCRbeCfEVCQ_ixVhawUP is Pending.';
		expect(redact(text, new TokenNames())).toBe(text);
	});

	test('Basic credentials keep the username and lose the password', () => {
		const header = `Authorization: Basic ${btoa('demo:demo-password')}`;
		expect(redact(header, new TokenNames())).toBe('Authorization: Basic ‹credentials of demo›');
		expect(redact('Basic !!!', new TokenNames())).toBe('Basic !!!');
		expect(redact('Basic bm9jb2xvbg==', new TokenNames())).toBe('Basic ‹credentials›');
	});

	test('token cookies and passwords in JSON are replaced', () => {
		const names = new TokenNames();
		expect(redact('refresh_token=opaque-value; HttpOnly; Path=/auth', names)).toBe(
			'refresh_token=‹token›; HttpOnly; Path=/auth'
		);
		expect(redact('refresh_token=; Max-Age=0', names)).toBe('refresh_token=; Max-Age=0');
		expect(redact('{"username":"demo","password":"demo-password"}', names)).toBe(
			'{"username":"demo","password":"‹password›"}'
		);
	});
});
