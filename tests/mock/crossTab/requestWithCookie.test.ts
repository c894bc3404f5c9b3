import { describe, expect, test } from 'vitest';
import { cookieHeader } from '../../../src/mock/http/requestCookie.ts';
import { requestWithCookie } from '../../../src/mock/crossTab/requestWithCookie.ts';

const page = () =>
	new Request('https://docs.token-pair.test/auth/login', {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', Cookie: 'stale=1' },
		body: '{"username":"demo"}',
		credentials: 'include',
	});

describe('requestWithCookie', () => {
	test('records the given Cookie header for the handlers, on a plain Request', async () => {
		const request = requestWithCookie(page(), 'refresh_token=abc');
		expect(cookieHeader(request)).toBe('refresh_token=abc');
		// No patched property: the request is what `new Request` makes, with the page's own headers.
		expect(Object.getOwnPropertyNames(request)).toEqual([]);
		expect(Object.fromEntries(request.headers)).toEqual({ 'content-type': 'application/json' });
		expect(await request.text()).toBe('{"username":"demo"}');
	});

	test('with no cookie, carries none, whatever the page’s request had', () => {
		expect(cookieHeader(requestWithCookie(page(), ''))).toBeNull();
	});

	test('keeps method and URL, and omits credentials so MSW takes no cookies of its own', () => {
		const request = requestWithCookie(page(), 'a=1');
		expect([request.method, request.url, request.credentials]).toEqual([
			'POST',
			'https://docs.token-pair.test/auth/login',
			'omit',
		]);
	});
});
