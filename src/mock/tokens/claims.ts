/** What the API puts in every token it signs. Times are NumericDate seconds. */
interface CommonClaims {
	jti: string;
	iss: string;
	sub: string;
	iat: number;
	exp: number;
	scopes: string[];
}

/** Claims of an access token (and of a service token, which also carries its `name`). */
export interface AccessClaims extends CommonClaims {
	type: 'access';
	name?: string;
}

/** Claims of a refresh token: it may only refresh, and remembers what the pair was granted. */
export interface RefreshClaims extends CommonClaims {
	type: 'refresh';
	original_scopes: string[];
}

/** Claims of any token the API signs. */
export type TokenClaims = AccessClaims | RefreshClaims;

/** The `type` claim values. */
export type TokenType = TokenClaims['type'];
