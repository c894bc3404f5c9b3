/**
 * What the mock remembers about the tokens it has issued: who owns them, which login (family) they
 * descend from, which refresh tokens were consumed, and what was revoked.
 *
 * JWTs verify without state; this store is what lets the API refuse a consumed or revoked one.
 */
import type { RequestableScope } from '../contract/scopes.ts';

/**
 * Where a login happened: the bearer API (`POST /3rdparty/v1/auth/token`, refresh token in the
 * body) or a browser session (`POST /auth/login`, refresh token in a cookie). A family's refresh
 * tokens are accepted only on the surface that started it.
 */
export type Surface = 'api' | 'session';

/** One login's line of rotated tokens; ends at `expiresAt` however often it rotates. */
export interface Family {
	id: string;
	sub: string;
	surface: Surface;
	/** NumericDate seconds. */
	expiresAt: number;
	revoked: boolean;
}

/** What kind of credential a record describes. */
export type TokenKind = 'access' | 'refresh' | 'service';

/** A token the API issued. */
export interface TokenRecord {
	jti: string;
	kind: TokenKind;
	sub: string;
	/** The token this one descends from: a refresh token's paired access token, a rotated pair's consumed refresh token. */
	parent?: string;
	familyId?: string;
	revoked: boolean;
	/** For refresh tokens: when (NumericDate seconds) it was spent. */
	consumedAt?: number;
	/** For refresh tokens: the `jti` of the refresh token its rotation produced. */
	successor?: string;
	/** For service tokens: the name, kept across renewals. */
	name?: string;
	/** For service tokens: the scopes recorded at minting; absent for legacy tokens. */
	scopes?: readonly RequestableScope[];
	/** For service tokens: when (NumericDate seconds) it expires. */
	expiresAt?: number;
	/** For service tokens: the token whose renewal minted this one (its lineage, not its name). */
	renewedFrom?: string;
}

/** Everything a {@link TokenStore} holds, as plain JSON (see `MockApi.snapshot`). */
export interface TokenStoreSnapshot {
	/** Oldest first. */
	records: TokenRecord[];
	/** Each parent's descendants, as `revokeTree` walks them. */
	children: [parent: string, children: string[]][];
	families: Family[];
}

/** In-memory records of issued tokens and their families. */
export class TokenStore {
	readonly #records = new Map<string, TokenRecord>();
	readonly #children = new Map<string, Set<string>>();
	readonly #families = new Map<string, Family>();
	/**
	 * How many times each account had everything revoked. A request notes it when it
	 * authenticates and checks it again in the synchronous step that stores what it minted, so
	 * nothing authorised before an account was cleared is stored after it (see `stillAuthorized`).
	 */
	readonly #epochs = new Map<string, number>();

	/** Remembers a token. */
	add(record: TokenRecord): TokenRecord {
		this.#records.set(record.jti, record);
		if (record.parent !== undefined) {
			const siblings = this.#children.get(record.parent) ?? new Set();
			siblings.add(record.jti);
			this.#children.set(record.parent, siblings);
		}
		return record;
	}

	/** The record of a token, if the API issued it. */
	get(jti: string): TokenRecord | undefined {
		return this.#records.get(jti);
	}

	/** Starts the family of a new login. */
	addFamily(family: Family): Family {
		this.#families.set(family.id, family);
		return family;
	}

	/** A family by id. */
	family(id: string | undefined): Family | undefined {
		return id === undefined ? undefined : this.#families.get(id);
	}

	/** Whether a token was issued here and neither it nor its family has been revoked. */
	isActive(jti: string): boolean {
		const record = this.#records.get(jti);
		if (!record || record.revoked) return false;
		return !this.family(record.familyId)?.revoked;
	}

	/** Revokes a token and every token descended from it. */
	revokeTree(jti: string): void {
		const pending = [jti];
		for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
			const record = this.#records.get(next);
			if (record) record.revoked = true;
			pending.push(...(this.#children.get(next) ?? []));
		}
	}

	/** Revokes every token of a family, the newest included. */
	revokeFamily(id: string): void {
		const family = this.#families.get(id);
		if (family) family.revoked = true;
	}

	/**
	 * Ends everything an account holds, in one step: every login (family) on every surface, every
	 * token, service tokens included.
	 */
	revokeAccount(sub: string): void {
		for (const family of this.#families.values()) if (family.sub === sub) family.revoked = true;
		for (const record of this.#records.values()) if (record.sub === sub) record.revoked = true;
		this.#epochs.set(sub, this.epoch(sub) + 1);
	}

	/** How many times {@link revokeAccount} ended an account's tokens. */
	epoch(sub: string): number {
		return this.#epochs.get(sub) ?? 0;
	}

	/** Every record, oldest first. */
	records(): TokenRecord[] {
		return [...this.#records.values()];
	}

	/** A copy of every record, parent link and family; later changes do not touch it. */
	snapshot(): TokenStoreSnapshot {
		return structuredClone({
			records: [...this.#records.values()],
			children: [...this.#children].map(([parent, children]): [string, string[]] => [
				parent,
				[...children],
			]),
			families: [...this.#families.values()],
		});
	}

	/** Replaces everything with what a snapshot holds (copied, so the snapshot stays as it is). */
	restore(snapshot: TokenStoreSnapshot): void {
		this.clear();
		const copy = structuredClone(snapshot);
		for (const record of copy.records) this.#records.set(record.jti, record);
		for (const [parent, children] of copy.children) this.#children.set(parent, new Set(children));
		for (const family of copy.families) this.#families.set(family.id, family);
	}

	/** Forgets everything, as if the server restarted with a fresh database. */
	clear(): void {
		// Epochs are kept: a request in flight across a reset must still see a later revocation.
		this.#records.clear();
		this.#children.clear();
		this.#families.clear();
	}
}
