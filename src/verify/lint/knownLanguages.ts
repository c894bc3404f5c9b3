import { bundledLanguages } from 'shiki/langs';

// Shiki's plain-text languages: Shiki and Expressive Code accept them; bundledLanguages lacks them.
const plainLanguages = ['text', 'txt', 'plaintext', 'plain', 'ansi'];

/** Every fence language Shiki can highlight: bundled ids, their aliases and the plain languages. */
export const knownLanguages: ReadonlySet<string> = new Set([
	...Object.keys(bundledLanguages),
	...plainLanguages,
]);
