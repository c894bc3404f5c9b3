import { describe, expect, test } from 'vitest';
import { refreshCookie } from '../../../src/mock/http/refreshCookie.ts';
import { withCookieHeader } from '../../../src/mock/http/requestCookie.ts';

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
		{ name: 'the header holds it', cookie: 'refresh_token=t; a=1', read: 't' },
		{ name: 'the same value twice', cookie: 'refresh_token=t; refresh_token=t', read: 't' },
		{ name: 'two different values', cookie: 'refresh_token=t; refresh_token=u', read: null },
		{ name: 'another cookie only', cookie: 'a=1', read: null },
		{ name: 'no cookie', cookie: undefined, read: null },
		{ name: 'an empty value', cookie: 'refresh_token=', read: null },
	])('read: $name → $read', ({ cookie, read }) => {
		expect(refreshCookie.read(request(cookie))).toBe(read);
	});

	test('read: the header recorded for a page’s request, which cannot hold one itself', () => {
		const page = new Request('https://docs.test/auth/refresh', { method: 'POST' });
		expect(refreshCookie.read(withCookieHeader(page, 'refresh_token=t'))).toBe('t');
		expect(refreshCookie.read(withCookieHeader(request('refresh_token=stale'), ''))).toBeNull();
	});
});
