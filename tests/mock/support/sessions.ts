import { call } from '../../support/http.ts';
import { DEMO } from '../../support/useMockApi.ts';

/** A response of the session endpoints, with what it did to the `refresh_token` cookie. */
export interface SessionResult {
	status: number;
	headers: Headers;
	body: any;
	/** The raw `Set-Cookie` values. */
	setCookies: string[];
	/** The refresh token stored: `''` if the cookie was cleared, `undefined` if untouched. */
	cookie: string | undefined;
}

async function session(
	path: string,
	options: { cookie?: string; csrf?: boolean; json?: unknown; body?: string } = {}
): Promise<SessionResult> {
	const headers: Record<string, string> = {};
	if (options.cookie !== undefined) headers['Cookie'] = options.cookie;
	if (options.csrf ?? true) headers['X-CSRF'] = '1';
	const result = await call('POST', path, {
		headers,
		...(options.json === undefined ? {} : { json: options.json }),
		...(options.body === undefined ? {} : { body: options.body }),
	});
	const setCookies = result.headers.getSetCookie();
	const stored = setCookies
		.map((value) => /^refresh_token=([^;]*)/.exec(value)?.[1])
		.find((value) => value !== undefined);
	return { ...result, setCookies, cookie: stored };
}

/** `POST /auth/login` with a JSON body (default: the demo account), optionally with a cookie. */
export function login(
	json: unknown = { username: DEMO.username, password: DEMO.password },
	cookie?: string
): Promise<SessionResult> {
	return session('/auth/login', { json, csrf: false, ...(cookie === undefined ? {} : { cookie }) });
}

/** Logs the demo account in and returns its refresh token (the cookie's value) and access token. */
export async function loggedIn(): Promise<{ refreshToken: string; accessToken: string }> {
	const result = await login();
	if (result.status !== 200 || !result.cookie) throw new Error(`login failed: ${result.status}`);
	return { refreshToken: result.cookie, accessToken: result.body.access_token };
}

/** `POST /auth/refresh` sending `refresh_token=<token>` (a raw `Cookie` header with `cookie`). */
export function refreshSession(
	token: string | undefined,
	options: { csrf?: boolean; cookie?: string } = {}
): Promise<SessionResult> {
	const cookie = options.cookie ?? (token === undefined ? undefined : `refresh_token=${token}`);
	return session('/auth/refresh', {
		csrf: options.csrf ?? true,
		...(cookie === undefined ? {} : { cookie }),
	});
}

/** `POST /auth/logout` sending `refresh_token=<token>`, if any, and `X-CSRF: 1` unless told not to. */
export function logout(token?: string, options: { csrf?: boolean } = {}): Promise<SessionResult> {
	return session('/auth/logout', {
		csrf: options.csrf ?? true,
		...(token === undefined ? {} : { cookie: `refresh_token=${token}` }),
	});
}
