import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import {
	findCredentialSlots,
	findHighEntropyStrings,
} from '../../../src/verify/lint/findTokenLeaks.ts';

// Deterministic stand-ins for random keys: hashes of a counter.
const digest = (index: number, encoding: 'base64url' | 'base64' | 'hex'): string =>
	createHash('sha512').update(`key-${index}`).digest(encoding);

describe('findHighEntropyStrings', () => {
	test.each([
		{ kind: 'base64url', length: 32 },
		{ kind: 'base64url', length: 43 },
		{ kind: 'base64', length: 44 },
		{ kind: 'base64', length: 64 },
	] as const)('finds almost every random $kind key of $length characters', ({ kind, length }) => {
		const keys = Array.from({ length: 500 }, (_, index) => digest(index, kind).slice(0, length));
		const found = keys.filter((key) => findHighEntropyStrings(`key: ${key}`).length === 1);
		// Keys lacking a digit or a case (about 1 in 200 at 32 characters) pass by design.
		expect(found.length / keys.length).toBeGreaterThanOrEqual(0.98);
	});

	test('finds every random hex key of 32 and 64 characters', () => {
		for (let index = 0; index < 200; index++) {
			const hex = digest(index, 'hex');
			expect(findHighEntropyStrings(`secret=${hex.slice(0, 32)}`), hex).toHaveLength(1);
			expect(findHighEntropyStrings(`secret=${hex.slice(0, 64)}`), hex).toHaveLength(1);
		}
	});

	test('reports where the key is, not the text around it', () => {
		const key = digest(1, 'base64url').slice(0, 40);
		expect(findHighEntropyStrings(`<API_BASE_URL>/hooks/${key}/deliver`)).toMatchObject([
			{ column: 22, length: 40 },
		]);
		expect(findHighEntropyStrings(`"x": "${key}"`)).toMatchObject([{ column: 7, length: 40 }]);
	});

	test.each([
		'src/content/docs/guides/refresh-token-rotation.mdx',
		'examples/token-refresh/singleFlightRefresh.ts and examples/TokenRefresh/singleFlight2Refresh',
		'https://github.com/withastro/starlight/blob/main/packages/starlight/CHANGELOG.md',
		'https://token-pair-docs.example/guides/refresh-tokens/#rotation-and-reuse-detection',
		'node_modules/@astrojs/starlight/components/LinkCard.astro',
		'getAccessTokenWithRefreshRotation2 and XMLHttpRequestEventTarget2ProgressEvent',
		'ThisIsAVeryLongCamelCaseIdentifierName123',
		'the_quick_brown_fox_jumps_over_the_lazy_dog_42',
		'MAX_REFRESH_TOKEN_LIFETIME_SECONDS_2592000',
		'123e4567-e89b-12d3-a456-426614174000 and 550e8400-e29b-41d4-a716-446655440000',
		'2026-03-14T02:00:00.000Z, 2026-03-14T02:00:00Z, exp 1773453600, iat 1773452700',
		'messages:send,messages:read,devices:list,webhooks:write,settings:read,tokens:manage',
		'/3rdparty/v1/service-tokens/<TOKEN_ID>/renew and /3rdparty/v1/auth/token/refresh',
		'{ "kty": "EC", "crv": "P-256", "kid": "2026-03-key-1", "alg": "ES256", "use": "sig" }',
		'jti V1StGXR8_Z5jdHi6B-myT (21 characters) and seed 000_2e2faf53fbb32bf2.txt',
		'deadbeefdeadbeefdeadbeefdeadbeef00000000',
	])('leaves prose alone: %s', (line) => {
		expect(findHighEntropyStrings(line)).toEqual([]);
	});
});

describe('findCredentialSlots in Python', () => {
	test.each([
		['requests.post(url, auth=("demo", "demo-password"))', 'auth=("<USERNAME>", "<PASSWORD>")'],
		["auth=('demo', 's3cret')", 'auth=("<USERNAME>", "<PASSWORD>")'],
		['headers={"Authorization": "Bearer abc.def"}', '"Authorization: Bearer'],
	])('a literal credential in %s is reported', (line, fix) => {
		const leaks = findCredentialSlots(line);
		expect(leaks).toHaveLength(1);
		expect(leaks[0]?.detail).toContain(fix);
	});

	test.each([
		'auth=("<USERNAME>", "<PASSWORD>")',
		'auth=(username, password)',
		'headers={"Authorization": f"Bearer {access_token}"}',
	])('placeholders and computed values pass: %s', (line) => {
		expect(findCredentialSlots(line)).toEqual([]);
	});
});
