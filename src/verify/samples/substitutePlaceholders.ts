import { placeholders, type Placeholder } from '../../mock/contract/placeholders.ts';

/** Text with placeholders replaced, and those that had no value. */
export interface Substitution {
	text: string;
	/** Vocabulary placeholders left in the text for lack of a value, and any other `<UPPER_SNAKE>`. */
	unresolved: string[];
}

/**
 * Replaces the vocabulary placeholders (`src/mock/contract/placeholders.ts`) in a sample with real values.
 * Anything still shaped like a placeholder afterwards is reported rather than run or parsed.
 */
export function substitutePlaceholders(
	text: string,
	values: Partial<Record<Placeholder, string>>
): Substitution {
	let result = text;
	for (const placeholder of Object.keys(placeholders) as Placeholder[]) {
		const value = values[placeholder];
		if (value !== undefined) result = result.split(placeholder).join(value);
	}
	const unresolved = [...new Set(result.match(/<[A-Z][A-Z0-9_]*[A-Z0-9]>/g) ?? [])];
	return { text: result, unresolved };
}
