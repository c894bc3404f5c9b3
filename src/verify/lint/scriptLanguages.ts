import { bundledLanguagesInfo } from 'shiki/langs';

const scriptLanguageIds = new Set(['typescript', 'javascript', 'tsx', 'jsx']);

/**
 * Every Shiki id and alias of TypeScript and JavaScript (`ts`, `mts`, `cts`, `js`, `mjs`, …),
 * derived from Shiki so that a new alias cannot slip past the "no inline code" rule.
 */
export const scriptLanguages: ReadonlySet<string> = new Set(
	bundledLanguagesInfo
		.filter((language) => scriptLanguageIds.has(language.id))
		.flatMap((language) => [language.id, ...(language.aliases ?? [])]),
);
