import { describe, expect, test } from 'vitest';
import { refreshCookie } from '../../../src/mock/http/refreshCookie.ts';

const request = (cookie?: string) =>
	new Request('https://api.test/auth/refresh', cookie === undefined ? {} : { headers: { cookie } });

describe('refreshCookie', () => {
	test('set: the contract attributes, then Max-Age in whole non-negative seconds', () => {
		expect(refreshCookie.set('abc', 2_592_000)).toBe(
			'refresh_token=abc; HttpOnly; Secure; SameSite=Strict; Path=/auth; Max-Age=2592000'
		);
		expect(refreshCookie.set('abc', 12.7)).toMatch(/; Max-Age=12$/);
		expect(refreshCookie.set('abc', -5)).toMatch(/; Max-Age=0$/);
	});

	test('clear: same name, flags and path, empty value, Max-Age=0', () => {
		expect(refreshCookie.clear()).toBe(
			'refresh_token=; HttpOnly; Secure; SameSite=Strict; Path=/auth; Max-Age=0'
		);
	});

	test.each([
		{
			name: 'the parsed cookie (browser: no Cookie header)',
			cookie: undefined,
			parsed: { refresh_token: 't' },
			read: 't',
		},
		{
			name: 'the header agrees',
			cookie: 'refresh_token=t; a=1',
			parsed: { refresh_token: 't', a: '1' },
			read: 't',
		},
		{
			name: 'the same value twice',
			cookie: 'refresh_token=t; refresh_token=t',
			parsed: { refresh_token: 't' },
			read: 't',
		},
		{
			name: 'two different values',
			cookie: 'refresh_token=t; refresh_token=u',
			parsed: { refresh_token: 't' },
			read: null,
		},
		{ name: 'no cookie', cookie: undefined, parsed: {}, read: null },
		{ name: 'an empty value', cookie: 'refresh_token=', parsed: { refresh_token: '' }, read: null },
	])('read: $name → $read', ({ cookie, parsed, read }) => {
		expect(refreshCookie.read(request(cookie), parsed)).toBe(read);
	});
});
