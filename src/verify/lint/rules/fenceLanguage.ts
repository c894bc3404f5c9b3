import type { Rule } from 'markdownlint';
import { closestMatch } from '../../../site/closestMatch.ts';
import { exampleLanguages, knownLanguages } from '../languages.ts';
import { fenceOpening, rulePage } from '../rulePage.ts';

const defaultAllowed: readonly string[] = [
	...['sh', 'bash', 'shell', 'console', 'json', 'jsonc', 'http', 'text', 'diff', 'yaml', 'mdx'],
	// Allowed here so that on pages TPD003 (no inline code), not this rule, says what to do instead.
	...exampleLanguages,
];

/** Reads `allowed` from the rule's config, refusing names Shiki could never highlight. */
function readAllowed(config: unknown): readonly string[] {
	const allowed: unknown =
		typeof config === 'object' && config !== null && 'allowed' in config
			? config.allowed
			: defaultAllowed;
	if (!Array.isArray(allowed) || !allowed.every((item) => typeof item === 'string')) {
		throw new Error('TPD001 config: "allowed" must be an array of language names');
	}
	const unknown = allowed.filter((language) => !knownLanguages.has(language));
	if (unknown.length > 0) {
		const names = unknown.map((language) => `"${language}"`).join(', ');
		throw new Error(`TPD001 config: "allowed" lists ${names}, which Shiki does not know`);
	}
	return allowed;
}

/** What to write for an unknown language: the nearest allowed one, else the nearest known. */
function unknownLanguageHint(name: string, allowed: readonly string[], shown: string): string {
	const nearAllowed = closestMatch(name, allowed);
	if (nearAllowed !== undefined) return `did you mean "${nearAllowed}"?`;
	const nearKnown = closestMatch(name, knownLanguages);
	if (nearKnown === undefined) return `write one of ${shown}`;
	const notAllowed = `not on this project's allowlist either: use one of ${shown}`;
	return `did you mean "${nearKnown}"? (${notAllowed})`;
}

/**
 * TPD001: every fenced code block names a language that Shiki knows and the project allows.
 * Expressive Code falls back to plain text for an unknown language with only a build warning, so
 * without this rule a typo ships an unhighlighted block.
 */
const fenceLanguage: Rule = {
	names: ['TPD001', 'fence-language'],
	description: 'Fenced code blocks name a Shiki language from the project allowlist',
	information: new URL('https://shiki.style/languages'),
	tags: ['code', 'language'],
	parser: 'none',
	function: (params, onError) => {
		const allowed = readAllowed(params.config);
		const allowedSet = new Set(allowed);
		// The list offered to contributors leaves TS/JS/Python out: on pages that code belongs in examples/.
		const offered = allowed.filter((language) => !exampleLanguages.has(language));
		const shown = (offered.length > 0 ? offered : allowed).join(', ');
		const page = rulePage(params);
		// A page the renderer cannot parse cannot be checked either; the build would fail too.
		for (const { line, detail } of page.problems.filter((p) => p.code === 'invalid-mdx')) {
			onError({ lineNumber: line, detail: `${detail}: fix the syntax so the page can be checked` });
		}
		for (const fence of page.fences) {
			const lineNumber = fence.line;
			const context = params.lines[lineNumber - 1] ?? '';
			const { marker, language } = fenceOpening(params, fence);
			if (!language) {
				const markerText = context.slice(marker[0] - 1, marker[0] - 1 + marker[1]);
				const chars = markerText.startsWith('~') ? 'tildes' : 'backticks';
				const write = `write ${markerText}text (or sh, json, http…) after the ${chars}`;
				onError({
					lineNumber,
					context,
					detail: `Fence has no language: ${write}`,
					range: marker,
				});
				continue;
			}
			const name = fence.lang;
			const range = language;
			if (!knownLanguages.has(name)) {
				const hint = unknownLanguageHint(name, allowed, shown);
				const detail = `Unknown language "${name}": Shiki has no such language; ${hint}`;
				onError({ lineNumber, context, detail, range });
			} else if (!allowedSet.has(name)) {
				onError({
					lineNumber,
					context,
					detail:
						`Language "${name}" is not on this project's allowlist (${shown}): ` +
						'use one of those, or add it to TPD001.allowed in .markdownlint.jsonc',
					range,
				});
			}
		}
	},
};

export default fenceLanguage;
