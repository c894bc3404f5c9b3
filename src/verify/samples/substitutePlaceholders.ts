import { type Placeholder, placeholders } from '../../mock/contract/placeholders.ts';

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

/**
 * Plausible stand-ins for placeholders, used only to validate a sample against its schema (an id
 * must be 21 characters, a URL a URL). Never shown on a page and never real credentials.
 */
export const EXAMPLE_VALUES: Readonly<Record<Placeholder, string>> = {
	'<ACCESS_TOKEN>': 'header.access-payload.signature',
	'<REFRESH_TOKEN>': 'header.refresh-payload.signature',
	'<SERVICE_TOKEN>': 'header.service-payload.signature',
	'<TOKEN_ID>': 'V1StGXR8_Z5jdHi6B-myT',
	'<USERNAME>': 'demo',
	'<PASSWORD>': 'demo-password',
	'<NEW_PASSWORD>': 'a-new-demo-password',
	'<BASIC_CREDENTIALS>': 'ZGVtbzpkZW1vLXBhc3N3b3Jk',
	'<API_BASE_URL>': 'https://api.token-pair.example',
};
