/**
 * Verify the API's access tokens in your own service with jose and the published key set.
 *
 * @see /guides/verifying-tokens/
 */
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';

// #region key-set
/** The API's public keys: fetched on first use, cached, refetched when stale or for a new `kid`. */
export function publishedKeySet(baseUrl: string): JWTVerifyGetKey {
	return createRemoteJWKSet(new URL(`${baseUrl}/3rdparty/v1/auth/jwks`));
}
// #endregion key-set

// #region issuer
/** The `iss` of every token the Token Pair API signs: a token with any other is not its token. */
export const API_ISSUER = 'https://api.token-pair.example';
// #endregion issuer

// #region verify
export interface AccessClaims extends JWTPayload {
	sub: string;
	jti: string;
	scopes: string[];
}

export async function verifyAccessToken(
	token: string,
	keySet: JWTVerifyGetKey,
	issuer: string = API_ISSUER
): Promise<AccessClaims> {
	const { payload } = await jwtVerify(token, keySet, {
		algorithms: ['ES256'], // pinned: what the API signs with, whatever else the key set holds
		issuer, // pinned: the API's tokens only
		requiredClaims: ['exp', 'iat', 'sub', 'jti'], // without this, jose accepts a token with no exp
		clockTolerance: 5, // seconds of clock skew allowed, not minutes
	});
	// Refresh tokens are signed with the same key; only `type` tells them apart.
	if (payload['type'] !== 'access') {
		throw new errors.JWTClaimValidationFailed(
			'not an access token',
			payload,
			'type',
			'check_failed'
		);
	}
	const scopes = payload['scopes'];
	if (!Array.isArray(scopes) || !scopes.every((scope) => typeof scope === 'string')) {
		throw new errors.JWTClaimValidationFailed('scopes is not a list', payload, 'scopes', 'invalid');
	}
	return { ...payload, sub: payload.sub!, jti: payload.jti!, scopes };
}
// #endregion verify

// #region require-scope
/** Whether verified claims grant a scope; `all:any` grants all but the system scope. */
export function hasScope(claims: AccessClaims, scope: string): boolean {
	if (claims.scopes.includes(scope)) return true;
	return scope !== 'tokens:refresh' && claims.scopes.includes('all:any');
}
// #endregion require-scope
