/**
 * A backend-for-frontend: the browser talks only to this server, on the app's own origin, and
 * never holds a token. The server logs in to the API's session endpoints on the user's behalf,
 * keeps the API's refresh cookie and the access token in its own memory, and forwards the app's
 * API calls with the access token attached. The browser gets an opaque session id, in a cookie.
 *
 * It is a Fetch API handler (`(request) => Promise<Response>`), so it runs in any server that
 * speaks it: `Deno.serve`, `Bun.serve`, Hono, or Node.js through an adapter.
 *
 * @see /guides/browser-apps/
 */
import { Cookie } from 'tough-cookie';

// #region bff-options
export interface BffOptions {
	/** Where the API is, e.g. `https://api.example.com`; only this server talks to it. */
	apiBaseUrl: string;
	/** The API paths under `/3rdparty/v1/` the app may call through `/bff/api/`, e.g. `messages`. */
	allowedPaths: string[];
	/** Refresh this many seconds before the access token expires. */
	marginSeconds?: number;
}
// #endregion bff-options

/** One user's API session, held by the server. */
interface Session {
	/** The API's `refresh_token` cookie value: it never leaves this server. */
	refreshCookie: string;
	accessToken: string;
	/** `Date.now()` after which to refresh. */
	refreshAt: number;
	/** One refresh at a time per session. */
	pending?: Promise<boolean> | undefined;
}

const SESSION_COOKIE = 'bff_session';
const TIMEOUT_MS = 10_000;

// #region bff-handler
export function createBff(options: BffOptions): (request: Request) => Promise<Response> {
	const { apiBaseUrl, allowedPaths, marginSeconds = 30 } = options;
	/** In memory: one server. Behind several, keep sessions in a shared store, encrypted. */
	const sessions = new Map<string, Session>();

	return async function handle(request: Request): Promise<Response> {
		const { pathname, search } = new URL(request.url);
		// SameSite=Strict keeps the session cookie off other sites' requests; a custom header,
		// which a cross-site form cannot send, covers what SameSite does not.
		if (request.method !== 'GET' && request.headers.get('X-CSRF') !== '1') {
			return problem(403, 'header X-CSRF: 1 required');
		}
		const id = sessionId(request);
		if (pathname === '/bff/login' && request.method === 'POST') return login(request, id);
		if (pathname === '/bff/logout' && request.method === 'POST') return logout(id);
		const apiPath = pathname.replace(/^\/bff\/api\//, '');
		if (apiPath === pathname || !allowedPaths.some((allowed) => isUnder(apiPath, allowed))) {
			return problem(404, 'not found');
		}
		const session = id === undefined ? undefined : sessions.get(id);
		if (!session || id === undefined) return problem(401, 'not logged in');
		return forward(request, id, session, `${apiBaseUrl}/3rdparty/v1/${apiPath}${search}`);
	};
	// #endregion bff-handler

	// #region bff-login
	async function login(request: Request, previousId: string | undefined): Promise<Response> {
		const previous = previousId === undefined ? undefined : sessions.get(previousId);
		const response = await fetch(`${apiBaseUrl}/auth/login`, {
			method: 'POST',
			headers: {
				'Content-Type': 'application/json',
				// Logging in again from the same browser ends its previous API session.
				...(previous ? { Cookie: `refresh_token=${previous.refreshCookie}` } : {}),
			},
			body: await request.text(),
			signal: AbortSignal.timeout(TIMEOUT_MS),
		});
		if (previousId !== undefined) sessions.delete(previousId);
		// A wrong password is the user's to fix: pass the refusal on, never retry it.
		if (!response.ok) return problem(response.status, 'login failed');
		const kept = await keep(response);
		if (!kept) return problem(502, 'the API answered without a session');
		const id = randomId();
		sessions.set(id, kept.session);
		// The browser's session lasts as long as the API's: the same Max-Age.
		return new Response(null, {
			status: 204,
			headers: { 'Set-Cookie': sessionCookie(id, kept.maxAge), 'Cache-Control': 'no-store' },
		});
	}
	// #endregion bff-login

	// #region bff-forward
	/** Sends the call with the access token; on a 401 refreshes once and retries once. */
	async function forward(request: Request, id: string, session: Session, url: string) {
		const body = request.method === 'GET' ? undefined : await request.text();
		const send = (accessToken: string) =>
			fetch(url, {
				method: request.method,
				headers: {
					Authorization: `Bearer ${accessToken}`,
					...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
				},
				...(body === undefined ? {} : { body }),
				signal: AbortSignal.timeout(TIMEOUT_MS),
			});
		try {
			if (Date.now() >= session.refreshAt && !(await refresh(id, session))) return ended(id);
			const sent = session.accessToken;
			let response = await send(sent);
			if (response.status === 401) {
				await response.body?.cancel();
				// Another call may have refreshed meanwhile; if not, refresh now.
				if (session.accessToken === sent && !(await refresh(id, session))) return ended(id);
				response = await send(session.accessToken);
			}
			// Only the status, the type and the body go back: no API headers, no cookies.
			return new Response(response.body, {
				status: response.status,
				headers: { 'Content-Type': response.headers.get('Content-Type') ?? 'application/json' },
			});
		} catch {
			// The API is down or slow: the session may be fine, so keep it.
			return problem(503, 'the API is not answering; try again shortly');
		}
	}
	// #endregion bff-forward

	// #region bff-refresh
	/**
	 * One refresh per session at a time, updating the session in place so every call in flight
	 * sees the new cookie; `false` once the API has ended the session.
	 */
	function refresh(id: string, session: Session): Promise<boolean> {
		session.pending ??= (async () => {
			const response = await fetch(`${apiBaseUrl}/auth/refresh`, {
				method: 'POST',
				headers: { Cookie: `refresh_token=${session.refreshCookie}`, 'X-CSRF': '1' },
				signal: AbortSignal.timeout(TIMEOUT_MS),
			});
			if (response.status === 401) {
				sessions.delete(id); // expired, revoked, or reused: the user logs in again
				return false;
			}
			if (!response.ok) throw new Error(`refresh failed: ${response.status}`);
			const kept = await keep(response).catch(() => undefined);
			if (!kept) {
				// The body was cut short or replaced, but this answer spent the old refresh cookie: keep
				// the new one from its headers, so the next call refreshes with it instead of meeting reuse.
				const cookie = refreshCookieOf(response);
				if (cookie?.value) Object.assign(session, { refreshCookie: cookie.value, refreshAt: 0 });
				throw new Error('the API answered without a session');
			}
			Object.assign(session, kept.session);
			return true;
		})().finally(() => {
			session.pending = undefined;
		});
		return session.pending;
	}

	/** The new access token and refresh cookie of a login or refresh answer, or nothing. */
	async function keep(response: Response) {
		const cookie = refreshCookieOf(response);
		const body = (await response.json()) as { access_token?: unknown; expires_in?: unknown };
		const maxAge = typeof cookie?.maxAge === 'number' ? cookie.maxAge : undefined;
		const { access_token, expires_in } = body;
		if (!cookie?.value || maxAge === undefined || typeof access_token !== 'string') return;
		if (typeof expires_in !== 'number') return;
		const refreshIn = Math.max(expires_in - marginSeconds, expires_in / 2) * 1000; // s → ms
		return {
			session: {
				refreshCookie: cookie.value,
				accessToken: access_token,
				refreshAt: Date.now() + refreshIn,
			},
			maxAge,
		};
	}
	function refreshCookieOf(response: Response) {
		return response.headers
			.getSetCookie()
			.map((header) => Cookie.parse(header))
			.find((parsed) => parsed?.key === 'refresh_token');
	}
	// #endregion bff-refresh

	// #region bff-logout
	/** Ends the API session (which revokes its tokens) and forgets it here. */
	async function logout(id: string | undefined): Promise<Response> {
		const session = id === undefined ? undefined : sessions.get(id);
		if (session) {
			const response = await fetch(`${apiBaseUrl}/auth/logout`, {
				method: 'POST',
				headers: { Cookie: `refresh_token=${session.refreshCookie}`, 'X-CSRF': '1' },
				signal: AbortSignal.timeout(TIMEOUT_MS),
			});
			if (!response.ok) return problem(502, 'logout failed; the session is still active');
			sessions.delete(id!);
		}
		return ended(undefined, 204);
	}

	/** Clears the browser's session cookie, with a 401 (or the given status). */
	function ended(id: string | undefined, status = 401): Response {
		if (id !== undefined) sessions.delete(id);
		const response =
			status === 204 ? new Response(null, { status }) : problem(status, 'not logged in');
		response.headers.set('Set-Cookie', sessionCookie('', 0));
		return response;
	}
	// #endregion bff-logout
}

// #region bff-cookie
/** The browser's cookie: an opaque id, readable by no script, sent only to this origin. */
function sessionCookie(id: string, maxAge: number): string {
	return `${SESSION_COOKIE}=${id}; HttpOnly; Secure; SameSite=Strict; Path=/; Max-Age=${maxAge}`;
}

function sessionId(request: Request): string | undefined {
	const header = request.headers.get('Cookie') ?? '';
	for (const part of header.split(';')) {
		const cookie = Cookie.parse(part.trim());
		if (cookie?.key === SESSION_COOKIE && cookie.value) return cookie.value;
	}
	return undefined;
}

/** 256 random bits, base64url: unguessable, and says nothing about the user. */
function randomId(): string {
	return Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url');
}
// #endregion bff-cookie

function isUnder(path: string, prefix: string): boolean {
	return path === prefix || path.startsWith(`${prefix}/`);
}

function problem(status: number, message: string): Response {
	return Response.json({ message }, { status, headers: { 'Cache-Control': 'no-store' } });
}
