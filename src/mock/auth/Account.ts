import type { RequestableScope } from '../contract/scopes.ts';

/** An account that can authenticate with Basic credentials. */
export interface Account {
	username: string;
	password: string;
	/** The `sub` of every token issued to it. */
	userId: string;
	/**
	 * The scopes the account is granted (its "roles"); default: every requestable scope, `all:any`
	 * included. `all:any` here means every scope. Basic credentials carry exactly these grants, and
	 * no token is minted or renewed beyond them.
	 */
	scopes?: readonly RequestableScope[];
}

/** The demo accounts the mock starts with; documented on the "Try it locally" page. */
export const DEFAULT_ACCOUNTS: readonly Account[] = [
	{ username: 'demo', password: 'demo-password', userId: 'user-demo' },
	{ username: 'other', password: 'other-password', userId: 'user-other' },
];
