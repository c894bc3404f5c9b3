import { HttpResponse } from 'msw';
import { expect, test } from 'vitest';
import { setCookieHeaders } from '../../../src/mock/http/setCookieHeaders.ts';
import { withoutSetCookie } from '../../../src/mock/crossTab/withoutSetCookie.ts';

test('takes every Set-Cookie off, MSW’s hidden copy too, and keeps the rest', async () => {
	const original = HttpResponse.json(
		{ access_token: 'x' },
		{
			status: 200,
			headers: { 'Set-Cookie': 'refresh_token=y; HttpOnly', 'Cache-Control': 'no-store' },
		}
	);
	const stripped = withoutSetCookie(original);
	expect(setCookieHeaders(stripped)).toEqual([]);
	expect(stripped.status).toBe(200);
	expect(stripped.headers.get('cache-control')).toBe('no-store');
	expect(await stripped.json()).toEqual({ access_token: 'x' });
});

test('keeps an empty 204 empty', async () => {
	const stripped = withoutSetCookie(
		new HttpResponse(null, { status: 204, headers: { 'Set-Cookie': 'refresh_token=; Max-Age=0' } })
	);
	expect(stripped.status).toBe(204);
	expect(stripped.body).toBeNull();
	expect(setCookieHeaders(stripped)).toEqual([]);
});
