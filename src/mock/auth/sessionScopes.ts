import { CONCRETE_SCOPES, NOT_IN_SESSIONS } from '../contract/scopes.ts';
import type { Accounts } from './Accounts.ts';

/**
 * **[design]** The scopes of a browser session's access token: every concrete scope the account is
 * granted, except those in {@link NOT_IN_SESSIONS} (never `all:any`, never `tokens:manage`). A
 * session can use the API but cannot mint credentials that outlive it.
 */
export function sessionScopes(accounts: Accounts, userId: string): string[] {
	return CONCRETE_SCOPES.filter(
		(scope) => accounts.covers(userId, scope) && !NOT_IN_SESSIONS.includes(scope)
	);
}
