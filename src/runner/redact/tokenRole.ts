import { decodeJwtPayload } from './decodeJwtPayload.ts';

/** What a token is for, as far as the runner's output cares. */
export type TokenRole = 'access' | 'refresh' | 'service';

/**
 * The role of a token the mock signed, from its `type` claim: refresh tokens say `refresh`;
 * service tokens are access tokens that carry a `name`. `undefined` for anything else.
 */
export function tokenRole(token: string): TokenRole | undefined {
	const claims = decodeJwtPayload(token);
	if (claims?.['type'] === 'refresh') return 'refresh';
	if (claims?.['type'] !== 'access') return undefined;
	return typeof claims['name'] === 'string' ? 'service' : 'access';
}
