import { placeholders } from '../../../mock/contract/placeholders.ts';
import type { TokenLeak } from './TokenLeak.ts';
import { nearestPlaceholder } from './nearestPlaceholder.ts';

// <UPPER_SNAKE> of two or more characters (so `Promise<T>` is not one), or <lower_snake> with an
// underscore (so HTML tags such as <div> are not).
const placeholderShape = /<(?:[A-Z][A-Z0-9_]*[A-Z0-9]|[a-z][a-z0-9]*(?:_[a-z0-9]+)+)>/g;

/** Angle-bracket placeholders on a line that are not in the vocabulary of placeholders.ts. */
export function findUnknownPlaceholders(line: string): TokenLeak[] {
	return [...line.matchAll(placeholderShape)]
		.filter((match) => !Object.hasOwn(placeholders, match[0]))
		.map((match) => {
			const [name] = match;
			const nearest = nearestPlaceholder(name);
			return {
				column: match.index + 1,
				length: name.length,
				detail: `Placeholder ${name} is not in the vocabulary: write ${nearest} instead`,
			};
		});
}
