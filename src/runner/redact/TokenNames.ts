import { tokenRole, type TokenRole } from './tokenRole.ts';

/**
 * A JWT anywhere in a text, complete or cut short: its header is base64url JSON, so it starts
 * `eyJ`. An empty third segment (an unsigned token) is part of it; a full stop after it is not.
 */
export const JWT_PATTERN = /eyJ[\w-]{5,}(?:\.[\w-]+(?:\.[\w-]*)?)?/g;

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
		for (const [token] of text.matchAll(JWT_PATTERN)) {
			if (this.#names.has(token)) continue;
			const role = tokenRole(token);
			if (role === undefined || token.split('.').length !== 3) continue;
			this.#names.set(token, `‹${role} token ${++this.#counts[role]}›`);
		}
	}

	/** The name of a token learned earlier. */
	nameOf(token: string): string | undefined {
		return this.#names.get(token);
	}

	/** Every named token, longest first (so no token is replaced inside a longer one). */
	tokens(): string[] {
		return [...this.#names.keys()].sort((a, b) => b.length - a.length);
	}
}
