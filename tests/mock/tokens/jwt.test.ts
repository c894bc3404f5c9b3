import { describe, expect, test } from 'vitest';
import { findJwts, jwtClaims, replaceJwts, tokenRole } from '../../../src/mock/tokens/jwt.ts';

const b64 = (text: string) =>
	btoa(text).replaceAll('+', '-').replaceAll('/', '_').replaceAll('=', '');
const header = b64('{"alg":"ES256"}');

describe('jwtClaims', () => {
	test('reads base64url JSON claims, including non-ASCII text', () => {
		const payload = b64(String.fromCharCode(...new TextEncoder().encode('{"name":"réveil"}')));
		expect(jwtClaims(`h.${payload}.s`)).toEqual({ name: 'réveil' });
	});

	test.each([
		['no payload segment', 'abc'],
		['a truncated token', `${header}.${b64('{"type":"access"}')}`],
		['not base64url', 'h.!!!.s'],
		['not JSON', `h.${b64('nope')}.s`],
		['JSON but not an object', `h.${b64('[1]')}.s`],
	])('gives undefined for %s', (_, token) => {
		expect(jwtClaims(token)).toBeUndefined();
	});
});

describe('tokenRole', () => {
	test.each([
		[{ type: 'refresh' }, 'refresh'],
		[{ type: 'access' }, 'access'],
		[{ type: 'access', name: 'job' }, 'service'],
		[{ type: 'id' }, undefined],
		[{}, undefined],
	])('%o is %s', (claims, role) => {
		expect(tokenRole(`h.${b64(JSON.stringify(claims))}.s`)).toBe(role);
	});
});

describe('findJwts and replaceJwts', () => {
	const full = `${header}.${b64('{"type":"access"}')}.c2lnbmF0dXJl`;
	const unsigned = `${header}.${b64('{"type":"access"}')}.`;

	test('find complete, unsigned and truncated tokens, and nothing in prose about the prefix', () => {
		const text = `A ${full}. B ${unsigned} C eyJhbGciOi. D "eyJ" E %3D${full}`;
		expect(findJwts(text).map(({ token, complete }) => [token, complete])).toEqual([
			[full, true],
			[unsigned, true],
			['eyJhbGciOi', false],
			[full, true],
		]);
	});

	test('replace every one of them, truncated ones included', () => {
		// Assembled here, so the repository holds no JWT-shaped literal for secret scanners.
		const truncated = ['eyJhbGciOiJFUzI1NiJ9', 'eyJzdWIi'].join('.');
		const text = `${full} then ${truncated} and "eyJ"`;
		expect(replaceJwts(text, () => '‹jwt›')).toBe('‹jwt› then ‹jwt› and "eyJ"');
	});
});
