import { SessionResponse } from '../../../src/mock/contract/schemas.ts';
import { type CatalogueRow, error, type RowContext, success } from '../support/CatalogueRow.ts';
import type { WireResponse } from '../support/transports.ts';

const group = 'cookies and CSRF';
const CLEARED = {
	'set-cookie': 'refresh_token=; HttpOnly; Secure; SameSite=Strict; Path=/auth; Max-Age=0',
};
/**
 * The session endpoints' 401 carries no challenge: their credentials are a body or a cookie, not
 * an HTTP authentication scheme (see `src/mock/http/challenge.ts`).
 */
const NO_CHALLENGE = { 'www-authenticate': null };
const UNAUTHORIZED_CLEARED = error('unauthorized', {}, { ...NO_CHALLENGE, ...CLEARED });

const login = (c: RowContext, body: unknown) =>
	c.send({
		method: 'POST',
		path: '/auth/login',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify(body),
	});

/** Logs the demo account in; the `refresh_token` cookie's value. */
async function session(c: RowContext): Promise<string> {
	const response = await login(c, { username: 'demo', password: 'demo-password' });
	const cookie = cookieOf(response);
	if (response.status !== 200 || cookie === undefined)
		throw new Error(`login failed: ${response.status}`);
	return cookie;
}

function cookieOf(response: WireResponse): string | undefined {
	return /^refresh_token=([^;]*)/.exec(response.headers.getSetCookie()[0] ?? '')?.[1];
}

const refresh = (c: RowContext, headers: Record<string, string>) =>
	c.send({ method: 'POST', path: '/auth/refresh', headers });

/** The browser session surface: its cookie, its CSRF header, its login. */
export const SESSIONS: readonly CatalogueRow[] = [
	{
		group,
		name: 'control: the cookie and X-CSRF: 1 refresh the session',
		act: async (c) => refresh(c, { Cookie: `refresh_token=${await session(c)}`, 'X-CSRF': '1' }),
		expect: success(200, SessionResponse),
	},
	{
		group,
		name: 'refresh without X-CSRF',
		act: async (c) => refresh(c, { Cookie: `refresh_token=${await session(c)}` }),
		expect: error('csrfHeaderRequired'),
	},
	{
		group,
		name: 'refresh with X-CSRF: true (only "1" counts)',
		act: async (c) => refresh(c, { Cookie: `refresh_token=${await session(c)}`, 'X-CSRF': 'true' }),
		expect: error('csrfHeaderRequired'),
	},
	{
		group,
		name: 'refresh without the cookie',
		act: (c) => refresh(c, { 'X-CSRF': '1' }),
		expect: UNAUTHORIZED_CLEARED,
	},
	{
		group,
		name: 'refresh with a cookie that is not a token',
		act: (c) => refresh(c, { Cookie: 'refresh_token=garbage', 'X-CSRF': '1' }),
		expect: UNAUTHORIZED_CLEARED,
	},
	{
		group,
		name: 'two different refresh_token cookies (a tossed cookie)',
		act: async (c) => {
			const [a, b] = [await session(c), await session(c)];
			return refresh(c, { Cookie: `refresh_token=${a}; refresh_token=${b}`, 'X-CSRF': '1' });
		},
		expect: UNAUTHORIZED_CLEARED,
	},
	{
		group,
		name: 'a bearer-API refresh token in the session cookie',
		act: async (c) =>
			refresh(c, { Cookie: `refresh_token=${(await c.issue()).refresh_token}`, 'X-CSRF': '1' }),
		expect: UNAUTHORIZED_CLEARED,
	},
	{
		group,
		name: 'a session refresh token at the bearer refresh endpoint',
		act: async (c) => c.refresh(await session(c)),
		expect: error('unauthorized'),
	},
	{
		group,
		name: 'a replayed session cookie revokes the family: the newest cookie dies too',
		act: async (c) => {
			const first = await session(c);
			const rotated = await refresh(c, { Cookie: `refresh_token=${first}`, 'X-CSRF': '1' });
			await refresh(c, { Cookie: `refresh_token=${first}`, 'X-CSRF': '1' });
			return refresh(c, { Cookie: `refresh_token=${cookieOf(rotated)}`, 'X-CSRF': '1' });
		},
		expect: UNAUTHORIZED_CLEARED,
	},
	{
		group,
		name: 'the cookie after logout',
		act: async (c) => {
			const cookie = await session(c);
			await c.send({
				method: 'POST',
				path: '/auth/logout',
				headers: { Cookie: `refresh_token=${cookie}`, 'X-CSRF': '1' },
			});
			return refresh(c, { Cookie: `refresh_token=${cookie}`, 'X-CSRF': '1' });
		},
		expect: UNAUTHORIZED_CLEARED,
	},
	{
		group,
		name: 'logout without the CSRF header (a cross-site form): refused, the session lives on',
		act: async (c) => {
			const cookie = await session(c);
			const forged = await c.send({
				method: 'POST',
				path: '/auth/logout',
				headers: { Cookie: `refresh_token=${cookie}` },
			});
			const after = await refresh(c, { Cookie: `refresh_token=${cookie}`, 'X-CSRF': '1' });
			return [forged, after];
		},
		expect: [error('csrfHeaderRequired'), success(200, SessionResponse)],
	},
	{
		group,
		name: 'login from a cross-site form (text/plain): 415, no session',
		act: (c) =>
			c.send({
				method: 'POST',
				path: '/auth/login',
				headers: { 'Content-Type': 'text/plain' },
				body: JSON.stringify({ username: 'demo', password: 'demo-password' }),
			}),
		expect: error('unsupportedMediaType'),
	},
	{
		group,
		name: 'login with a wrong password',
		act: (c) => login(c, { username: 'demo', password: 'guess' }),
		expect: error('unauthorized', {}, NO_CHALLENGE),
	},
	{
		group,
		name: 'login without a username',
		act: (c) => login(c, { password: 'demo-password' }),
		expect: error('usernameRequired'),
	},
	{
		group,
		name: 'login with an extra field',
		act: (c) => login(c, { username: 'demo', password: 'demo-password', remember: true }),
		expect: error('unknownField', { field: 'remember' }),
	},
];
