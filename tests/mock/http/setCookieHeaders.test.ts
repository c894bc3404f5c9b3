import { HttpResponse } from 'msw';
import { describe, expect, test } from 'vitest';
import { setCookieHeaders, withSetCookie } from '../../../src/mock/http/setCookieHeaders.ts';

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

	test('returns what the handler recorded when the headers lost it, as a browser’s Response does', () => {
		// A plain Response: nothing of MSW's own is needed to find the cookies again.
		const response = withSetCookie(new Response('{}'), ['refresh_token=x; Path=/auth']);
		expect(response.headers.getSetCookie()).toEqual(['refresh_token=x; Path=/auth']);
		// What a page's Response looks like: the forbidden header is not in `headers`.
		response.headers.delete('Set-Cookie');
		expect(setCookieHeaders(response)).toEqual(['refresh_token=x; Path=/auth']);
		expect(Object.getOwnPropertySymbols(response)).toEqual([]);
	});

	test('is empty for a response without cookies, MSW’s or not', () => {
		expect(setCookieHeaders(new Response('x'))).toEqual([]);
		expect(setCookieHeaders(HttpResponse.json({}))).toEqual([]);
	});
});
