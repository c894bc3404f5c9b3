import { findJwts, tokenRole, type TokenRole } from '../../mock/tokens/jwt.ts';

/** A {@link TokenNames}' names and counters as plain JSON, to carry to another tab. */
export interface TokenNamesSnapshot {
	names: [token: string, name: string][];
	counts: Record<TokenRole, number>;
}

const NAME = /^‹(access|refresh|service) token \d+›$/;

/**
 * Names for the tokens the mock hands out, by role and generation in order of issue:
 * `‹access token 1›`, `‹refresh token 1›`, `‹access token 2›`… like A1, R1, A2 in the refresh
 * guide's sequence diagram. The runner shows these names instead of the tokens.
 */
export class TokenNames {
	readonly #names = new Map<string, string>();
	readonly #counts: Record<TokenRole, number> = { access: 0, refresh: 0, service: 0 };

	/** Names every token in `text` that has no name yet (call it with responses, oldest first). */
	learn(text: string): void {
		for (const { token, complete } of findJwts(text)) {
			if (!complete || this.#names.has(token)) continue;
			const role = tokenRole(token);
			if (role === undefined) continue;
			this.#names.set(token, `‹${role} token ${++this.#counts[role]}›`);
		}
	}

	/** The name of a token learned earlier. */
	nameOf(token: string): string | undefined {
		return this.#names.get(token);
	}

	/**
	 * The names and counters, so that another tab sharing the mock names the tokens it issues next
	 * in the same sequence, and names the tokens this tab saw being issued.
	 */
	snapshot(): TokenNamesSnapshot {
		return { names: [...this.#names], counts: { ...this.#counts } };
	}

	/**
	 * Replaces every name and counter with a snapshot's. Anything malformed (nothing stored yet,
	 * or a name that is not one this class makes) leaves the names as they are.
	 */
	restore(value: unknown): void {
		if (!isSnapshot(value)) return;
		this.#names.clear();
		for (const [token, name] of value.names) this.#names.set(token, name);
		Object.assign(this.#counts, value.counts);
	}

	/** Every named token, longest first (so no token is replaced inside a longer one). */
	tokens(): string[] {
		return [...this.#names.keys()].sort((a, b) => b.length - a.length);
	}
}

function isSnapshot(value: unknown): value is TokenNamesSnapshot {
	if (typeof value !== 'object' || value === null) return false;
	const { names, counts } = value as Partial<Record<keyof TokenNamesSnapshot, unknown>>;
	const pairsOk =
		Array.isArray(names) &&
		names.every(
			(pair: unknown) =>
				Array.isArray(pair) &&
				pair.length === 2 &&
				typeof pair[0] === 'string' &&
				typeof pair[1] === 'string' &&
				NAME.test(pair[1])
		);
	if (!pairsOk || typeof counts !== 'object' || counts === null) return false;
	return (['access', 'refresh', 'service'] as const).every((role) =>
		Number.isSafeInteger((counts as Record<string, unknown>)[role])
	);
}
