import { HttpResponse } from 'msw';
import { describe, expect, test } from 'vitest';
import { setCookieHeaders } from '../../../src/mock/http/setCookieHeaders.ts';

describe('setCookieHeaders', () => {
	test('reads Set-Cookie from the headers where a Response may hold it (Node)', () => {
		const response = new Response(null, {
			headers: [
				['Set-Cookie', 'a=1; Path=/'],
				['Set-Cookie', 'b=2; Path=/'],
			],
		});
		expect(setCookieHeaders(response)).toEqual(['a=1; Path=/', 'b=2; Path=/']);
	});

	test('finds what MSW kept when the headers lost it, as a browser’s Response does', () => {
		const response = HttpResponse.json(
			{},
			{ headers: { 'Set-Cookie': 'refresh_token=x; Path=/auth' } }
		);
		// What a page's Response looks like: the forbidden header is not in `headers`.
		response.headers.delete('Set-Cookie');
		expect(response.headers.getSetCookie()).toEqual([]);
		expect(setCookieHeaders(response)).toEqual(['refresh_token=x; Path=/auth']);
	});

	test('is empty for a response without cookies, MSW’s or not', () => {
		expect(setCookieHeaders(new Response('x'))).toEqual([]);
		expect(setCookieHeaders(HttpResponse.json({}))).toEqual([]);
	});
});
