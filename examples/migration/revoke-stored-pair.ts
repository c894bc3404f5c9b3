/**
 * The backend half of moving a browser app off `localStorage`: an endpoint that revokes the token
 * pair the old version left in the browser. The caller proves who it is with its session (the
 * access token its session client sends) and proves it holds the old pair by posting the pair's
 * refresh token. The endpoint revokes that token only if it is genuine and the caller's own. It
 * never revokes an id the browser names: ids are not secrets, and this server's Basic credentials
 * would revoke any id of the account, service tokens included.
 *
 * A Fetch API handler (`(request) => Promise<Response>`), like the backend-for-frontend.
 *
 * @see /help/migration/
 */
import { createRemoteJWKSet, errors, jwtVerify } from 'jose';
import { basicAuth } from '../service-tokens/create-service-token.ts';

// #region revoke-options
export interface RevokeStoredPairOptions {
	/** Where the API is, e.g. `https://api.example.com`. */
	apiBaseUrl: string;
	/** The API's issuer, pinned when verifying its tokens. */
	issuer: string;
	/** The account's credentials: they stay on this server, and revoke nothing the caller names. */
	username: string;
	password: string;
}
// #endregion revoke-options

const TIMEOUT_MS = 10_000;

// #region revoke-stored-pair
export function createRevokeStoredPair(
	options: RevokeStoredPairOptions
): (request: Request) => Promise<Response> {
	const { apiBaseUrl, issuer, username, password } = options;
	const keySet = createRemoteJWKSet(new URL(`${apiBaseUrl}/3rdparty/v1/auth/jwks`));

	/** The claims of a genuine, unexpired token of the API of this `type`; throws otherwise. */
	async function verified(token: string, type: 'access' | 'refresh') {
		const { payload } = await jwtVerify(token, keySet, {
			algorithms: ['ES256'],
			issuer,
			requiredClaims: ['exp', 'sub', 'jti'],
		});
		if (payload['type'] !== type) {
			throw new errors.JWTClaimValidationFailed(`not a ${type} token`, payload, 'type');
		}
		return { sub: payload.sub!, jti: payload.jti! };
	}

	return async function handle(request: Request): Promise<Response> {
		if (request.method !== 'POST') return problem(405, 'POST only');
		// Who is asking: the caller's session. A header, not a cookie, so no other site can send it.
		const sessionToken = /^Bearer (\S+)$/.exec(request.headers.get('Authorization') ?? '')?.[1];
		const caller = sessionToken && (await verified(sessionToken, 'access').catch(() => undefined));
		if (!caller) return problem(401, 'not logged in');

		// What to revoke: the stored refresh token itself, never an id.
		const body = (await request.json().catch(() => undefined)) as { refresh_token?: unknown };
		if (typeof body?.refresh_token !== 'string') return problem(400, 'refresh_token required');
		let stored: { sub: string; jti: string };
		try {
			stored = await verified(body.refresh_token, 'refresh');
		} catch (error) {
			// Expired: the API refuses it already, there is nothing left to revoke.
			if (error instanceof errors.JWTExpired) return new Response(null, { status: 204 });
			return problem(400, 'not a refresh token of this API');
		}
		if (stored.sub !== caller.sub) return problem(403, 'not your token');

		// Revoking the refresh token also revokes every pair refreshed from it since.
		const response = await fetch(
			`${apiBaseUrl}/3rdparty/v1/auth/token/${encodeURIComponent(stored.jti)}`,
			{
				method: 'DELETE',
				headers: { Authorization: basicAuth(username, password) },
				signal: AbortSignal.timeout(TIMEOUT_MS),
			}
		);
		if (!response.ok) return problem(502, 'the API did not revoke the token; try again');
		return new Response(null, { status: 204 });
	};
}
// #endregion revoke-stored-pair

function problem(status: number, message: string): Response {
	return Response.json({ message }, { status });
}
