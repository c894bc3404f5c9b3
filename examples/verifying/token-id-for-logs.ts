/**
 * `decodeJwt` reads a token's claims without checking anything: fine for naming a token in a log,
 * never for deciding whether to trust it.
 *
 * @see /guides/verifying-tokens/
 */
import { decodeJwt } from 'jose';

// #region token-id-for-logs
/** A name for a token that is safe to log: its `jti`, never the token itself. */
export function tokenIdForLogs(token: string): string {
	try {
		const { jti } = decodeJwt(token); // decoded, NOT verified: for logs only
		return typeof jti === 'string' ? `jti:${jti}` : 'jti:none';
	} catch {
		return 'unreadable-token';
	}
}
// #endregion token-id-for-logs
