import type { MicromarkToken } from 'markdownlint';

/**
 * Every token of the given types, in document order, at any depth: fences also hide inside lists,
 * block quotes and (re-parsed) JSX blocks, so a top-level scan is not enough.
 */
export function findTokens(
	tokens: readonly MicromarkToken[],
	types: ReadonlySet<string>,
): MicromarkToken[] {
	const found: MicromarkToken[] = [];
	const visit = (list: readonly MicromarkToken[]): void => {
		for (const token of list) {
			if (types.has(token.type)) found.push(token);
			visit(token.children);
		}
	};
	visit(tokens);
	return found;
}
