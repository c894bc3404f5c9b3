import { describe, expect, test } from 'vitest';
import { requestWithCookie } from '../../../src/mock/crossTab/requestWithCookie.ts';

const page = () =>
	new Request('https://docs.token-pair.test/auth/login', {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', Cookie: 'stale=1' },
		body: '{"username":"demo"}',
		credentials: 'include',
	});

describe('requestWithCookie', () => {
	test('carries the given Cookie header, in the request and in every clone', async () => {
		const request = requestWithCookie(page(), 'refresh_token=abc');
		expect(request.headers.get('cookie')).toBe('refresh_token=abc');
		const clone = request.clone();
		expect(clone.headers.get('cookie')).toBe('refresh_token=abc');
		expect(clone.clone().headers.get('cookie')).toBe('refresh_token=abc');
		expect(Object.fromEntries(clone.headers)).toEqual({
			'content-type': 'application/json',
			cookie: 'refresh_token=abc',
		});
		expect(await clone.text()).toBe('{"username":"demo"}');
		expect(await request.text()).toBe('{"username":"demo"}');
	});

	test('with no cookie, carries none, whatever the page’s request had', () => {
		const request = requestWithCookie(page(), '');
		expect(request.headers.has('cookie')).toBe(false);
		expect(request.clone().headers.has('cookie')).toBe(false);
	});

	test('keeps method and URL, and omits credentials so MSW reads cookies from the header only', () => {
		const request = requestWithCookie(page(), 'a=1');
		expect([request.method, request.url, request.credentials]).toEqual([
			'POST',
			'https://docs.token-pair.test/auth/login',
			'omit',
		]);
		expect(request.clone().credentials).toBe('omit');
	});
});
