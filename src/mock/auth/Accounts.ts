import {
	CONCRETE_SCOPES,
	REFRESH_SCOPE,
	REQUESTABLE_SCOPES,
	type RequestableScope,
	WILDCARD_SCOPE,
} from '../contract/scopes.ts';
import type { Account } from './Account.ts';

/**
 * The mock's accounts, what each is currently granted and its current password. Grants can shrink
 * while the mock runs (a role taken away), which is what renewal must notice, and a password can
 * be changed through the API; `reset` restores the configured ones.
 */
export class Accounts {
	readonly #configured: readonly Account[];
	readonly #grants = new Map<string, Set<RequestableScope>>();
	/** Passwords changed through the API, by user id; the others are as configured. */
	readonly #passwords = new Map<string, string>();

	constructor(accounts: readonly Account[]) {
		this.#configured = accounts;
		this.reset();
	}

	/** The configured accounts. */
	list(): readonly Account[] {
		return this.#configured;
	}

	/** The account these credentials belong to, if any (checked against its current password). */
	verify(username: string, password: string): Account | undefined {
		const account = this.byUsername(username);
		return account && this.#passwordOf(account) === password ? account : undefined;
	}

	/** Whether a password is the account's current one. */
	isCurrentPassword(userId: string, password: string): boolean {
		const account = this.#configured.find((candidate) => candidate.userId === userId);
		return account !== undefined && this.#passwordOf(account) === password;
	}

	/** Replaces an account's password; the old one stops working at once. */
	changePassword(userId: string, password: string): void {
		this.#passwords.set(userId, password);
	}

	/** Passwords changed through the API, by user id (see `MockApi.snapshot`). */
	changedPasswords(): [userId: string, password: string][] {
		return [...this.#passwords];
	}

	#passwordOf(account: Account): string {
		return this.#passwords.get(account.userId) ?? account.password;
	}

	/** The account with this username, if any. */
	byUsername(username: string): Account | undefined {
		return this.#configured.find((account) => account.username === username);
	}

	/** An account's grants now, in catalogue order; `all:any` alone when it holds everything. */
	grants(userId: string): RequestableScope[] {
		const granted = this.#grants.get(userId);
		if (!granted) return [];
		if (granted.has(WILDCARD_SCOPE)) return [WILDCARD_SCOPE];
		return REQUESTABLE_SCOPES.filter((scope) => granted.has(scope));
	}

	/** Whether an account's grants cover a scope; nobody is granted the system scope. */
	covers(userId: string, scope: string): boolean {
		const granted = this.#grants.get(userId);
		if (!granted || scope === REFRESH_SCOPE) return false;
		return granted.has(WILDCARD_SCOPE) || granted.has(scope as RequestableScope);
	}

	/**
	 * Takes a scope away from an account. Taking a concrete scope from an account that holds
	 * `all:any` leaves it every other concrete scope, but no longer the wildcard, which would cover
	 * the one taken away.
	 */
	removeScope(username: string, scope: RequestableScope): void {
		const account = this.byUsername(username);
		if (!account) throw new Error(`no account ${username}`);
		const granted = this.#grants.get(account.userId) ?? new Set();
		if (scope !== WILDCARD_SCOPE && granted.has(WILDCARD_SCOPE)) {
			for (const concrete of CONCRETE_SCOPES) granted.add(concrete);
			granted.delete(WILDCARD_SCOPE);
		}
		granted.delete(scope);
		this.#grants.set(account.userId, granted);
	}

	/** What every account is granted now, by user id (see `MockApi.snapshot`). */
	snapshot(): [userId: string, scopes: RequestableScope[]][] {
		return [...this.#grants].map(([userId, granted]) => [userId, [...granted]]);
	}

	/**
	 * Grants (and passwords) what a snapshot says. An account the snapshot does not mention keeps
	 * its configured grants and password, and a user id this instance has no account for is ignored.
	 */
	restore(
		grants: readonly (readonly [userId: string, scopes: readonly RequestableScope[]])[],
		passwords: readonly (readonly [userId: string, password: string])[] = []
	): void {
		this.reset();
		for (const [userId, scopes] of grants) {
			if (this.#grants.has(userId)) this.#grants.set(userId, new Set(scopes));
		}
		for (const [userId, password] of passwords) {
			if (this.#grants.has(userId)) this.#passwords.set(userId, password);
		}
	}

	/** Puts every account's grants and password back as configured. */
	reset(): void {
		this.#passwords.clear();
		this.#grants.clear();
		for (const account of this.#configured) {
			this.#grants.set(account.userId, new Set(account.scopes ?? REQUESTABLE_SCOPES));
		}
	}
}
