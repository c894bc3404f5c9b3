import { describe, expect, test } from 'vitest';
import { decodeJwtPayload } from '../../../src/runner/redact/decodeJwtPayload.ts';
import { tokenRole } from '../../../src/runner/redact/tokenRole.ts';

const b64 = (text: string) =>
	btoa(text).replaceAll('+', '-').replaceAll('/', '_').replaceAll('=', '');

describe('decodeJwtPayload', () => {
	test('reads base64url JSON claims, including non-ASCII text', () => {
		const payload = b64(String.fromCharCode(...new TextEncoder().encode('{"name":"réveil"}')));
		expect(decodeJwtPayload(`h.${payload}.s`)).toEqual({ name: 'réveil' });
	});

	test.each([
		['no payload segment', 'abc'],
		['not base64url', 'h.!!!.s'],
		['not JSON', `h.${b64('nope')}.s`],
		['JSON but not an object', `h.${b64('[1]')}.s`],
	])('gives undefined for %s', (_, token) => {
		expect(decodeJwtPayload(token)).toBeUndefined();
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
