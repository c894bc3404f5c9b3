import type { Rule } from 'markdownlint';
import type { PageElement } from '../../pages/readPage.ts';
import { appliesTo, fenceOpening, readInclude, rulePage } from '../rulePage.ts';
import { exampleLanguages, pythonLanguages } from '../languages.ts';

const instead =
	'code lives in examples/<topic>/<name>.ts between "// #region <name>" and ' +
	'"// #endregion <name>"; show it with <Example file="<topic>/<name>.ts" region="<name>" />';
const insteadPython =
	'code lives in examples/<topic>/<name>.py (snake_case) between "# #region <name>" and ' +
	'"# #endregion <name>", beside the TypeScript example; <Example file="<topic>/<name>.ts" ' +
	'region="<name>" /> shows it in its Python tab';

/** What a fence or raw code block in `language` is, and where its code goes instead. */
function describeLanguage(language: string): { what: string; instead: string } {
	return pythonLanguages.has(language.toLowerCase())
		? { what: 'Python', instead: insteadPython }
		: { what: 'TypeScript/JavaScript', instead };
}

// The modules whose `Code` component renders whatever string it is given.
const CODE_MODULES = new Set([
	'@astrojs/starlight/components',
	'astro:components',
	'astro-expressive-code/components',
]);

/** Whether a JSX element is a `<Code>` component (also as `<SL.Code>` or renamed on import). */
function isCodeComponent(element: PageElement): boolean {
	if (element.source === undefined) return element.name === 'Code';
	return CODE_MODULES.has(element.source) && element.export === 'Code';
}

/** The TS/JS/Python language of a raw `<pre>`/`<code class="language-ts">`, if it has one. */
function rawCodeLanguage(element: PageElement): string | undefined {
	if (element.source !== undefined || !['pre', 'code'].includes(element.name)) return undefined;
	for (const name of ['class', 'className']) {
		const value = element.attributes.get(name);
		if (value?.kind !== 'string') continue;
		for (const word of value.value.split(/\s+/)) {
			const language = word.startsWith('language-') ? word.slice('language-'.length) : '';
			if (exampleLanguages.has(language.toLowerCase())) return language;
		}
	}
	return undefined;
}

/**
 * TPD003: pages carry no TypeScript, JavaScript or Python of their own. Every snippet a reader can copy is
 * a compiled, tested file in examples/, shown through the <Example> component, so a fence in any
 * TS/JS alias, a `<Code>` component however it is imported, a raw `<pre><code class="language-ts">`
 * or a `?raw` import is an untested copy waiting to drift. The page is read as the site renders
 * it, so code in comments or strings is not mistaken for what readers see.
 */
const noInlineCode: Rule = {
	names: ['TPD003', 'no-inline-code'],
	description: 'Pages show TypeScript/JavaScript/Python only as <Example> regions from examples/',
	tags: ['code', 'examples'],
	parser: 'none',
	function: (params, onError) => {
		if (!appliesTo(params.name, readInclude('TPD003', params.config))) return;
		const page = rulePage(params);
		const report = (
			lineNumber: number,
			detail: string,
			range?: [number, number],
			fix: string = instead
		) =>
			onError({
				lineNumber,
				context: params.lines[lineNumber - 1] ?? '',
				detail: `${detail}: ${fix}`,
				...(range ? { range } : {}),
			});
		for (const fence of page.fences) {
			if (!exampleLanguages.has(fence.lang.toLowerCase())) continue;
			const { language } = fenceOpening(params, fence);
			const { what, instead: fix } = describeLanguage(fence.lang);
			report(fence.line, `${what} fence ("${fence.lang}") on a page`, language, fix);
		}
		for (const entry of page.imports) {
			if (CODE_MODULES.has(entry.source) && entry.imported === 'Code') {
				report(entry.line, 'Importing <Code> shows code that no test runs');
			}
		}
		for (const { value, line } of page.esmStrings) {
			if (value.endsWith('?raw')) {
				report(line, 'A ?raw import shows a file outside its tested region');
			}
		}
		for (const element of page.elements) {
			const range: [number, number] = [element.start.column, element.name.length + 1];
			if (isCodeComponent(element)) {
				report(element.start.line, `<${element.name}> shows code that no test runs`, range);
			}
			const language = rawCodeLanguage(element);
			if (language !== undefined) {
				const raw = `A raw <${element.name} class="language-${language}">`;
				const fix = describeLanguage(language).instead;
				report(element.start.line, `${raw} shows code that no test runs`, range, fix);
			}
		}
	},
};

export default noInlineCode;
