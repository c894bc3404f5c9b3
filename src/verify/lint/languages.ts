import { bundledLanguages, bundledLanguagesInfo } from 'shiki/langs';

// Shiki's plain-text languages: Shiki and Expressive Code accept them; bundledLanguages lacks them.
const plainLanguages = ['text', 'txt', 'plaintext', 'plain', 'ansi'];

/** Every fence language Shiki can highlight: bundled ids, their aliases and the plain languages. */
export const knownLanguages: ReadonlySet<string> = new Set([
	...Object.keys(bundledLanguages),
	...plainLanguages,
]);

const scriptLanguageIds = new Set(['typescript', 'javascript', 'tsx', 'jsx']);

/**
 * Every Shiki id and alias of TypeScript and JavaScript (`ts`, `mts`, `cts`, `js`, `mjs`, …),
 * derived from Shiki so that a new alias cannot slip past the "no inline code" rule.
 */
export const scriptLanguages: ReadonlySet<string> = new Set(
	bundledLanguagesInfo
		.filter((language) => scriptLanguageIds.has(language.id))
		.flatMap((language) => [language.id, ...(language.aliases ?? [])])
);

/** Every Shiki id and alias of Python (`python`, `py`), derived from Shiki like `scriptLanguages`. */
export const pythonLanguages: ReadonlySet<string> = new Set(
	bundledLanguagesInfo
		.filter((language) => language.id === 'python')
		.flatMap((language) => [language.id, ...(language.aliases ?? [])])
);

/** The languages examples are written in: a fence in any of them on a page is untested code. */
export const exampleLanguages: ReadonlySet<string> = new Set([
	...scriptLanguages,
	...pythonLanguages,
]);
