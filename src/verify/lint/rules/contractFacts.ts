import type { Rule } from 'markdownlint';
import { closestMatch } from '../../../site/closestMatch.ts';
import { FACTS, factFormats, isExampleFact, isFactName } from '../../../site/facts.ts';
import { findHandTypedFacts, type HandTypedFact } from '../facts/findHandTypedFacts.ts';
import { readProse } from '../readProse.ts';
import { appliesTo, readInclude, rulePage } from '../rulePage.ts';

function factTag(name: string, as: string | undefined, params: string | undefined): string {
	const formats = isFactName(name) ? factFormats(name) : [];
	const usable = as && formats.includes(as) && as !== formats[0] ? ` as="${as}"` : '';
	return `<Fact name="${name}"${usable}${params ? ` ${params}` : ''} />`;
}

function detailOf(found: HandTypedFact, where: string): string {
	const typed = `"${found.typed}"`;
	const noComponents = where !== 'body';
	const instead = (name: string) =>
		noComponents
			? `the ${where} cannot hold <Fact>: word it without the value`
			: `write ${factTag(name, found.as, found.params)}`;
	if (found.fact && found.wrong) {
		return `Wrong contract fact: ${typed} states ${FACTS[found.fact].about} (${found.fact}), which the contract makes ${found.expected}; ${instead(found.fact)}`;
	}
	if (found.fact) {
		return `Contract fact typed by hand: ${typed} is ${FACTS[found.fact].about} (${found.fact}); ${instead(found.fact)}`;
	}
	if (found.kind === 'error message') {
		const near = found.candidates?.length ? ` (nearest: ${found.candidates.join(', ')})` : '';
		return `No API error has the message ${typed}${near}: quote the API with <Fact name="error.<id>" />, or mark words that are not the API's with <NotAFact because="…">`;
	}
	const candidates = found.candidates?.length
		? ` (facts with this value: ${found.candidates.slice(0, 6).join(', ')})`
		: '';
	const hatch = noComponents
		? `the ${where} cannot hold components: word it without the value`
		: `if it is a contract fact, write <Fact name="…" />${candidates}; if it is not, mark it <NotAFact because="…">${found.typed}</NotAFact>`;
	return `A ${found.kind} typed by hand, ${typed}: ${hatch}`;
}

/**
 * TPD004: a page states contract facts (statuses, lifetimes, caps, cookie attributes, headers,
 * error messages, limits) only through `<Fact>`, which renders them from the data the mock runs
 * on, so no sentence can drift from the API. It reads the page's MDX syntax tree, works out which
 * fact a sentence states and says whether the typed value is also wrong. Words that only look
 * like a fact go in `<NotAFact because="…">`; a fact the sentence clearly states fails even there.
 */
const contractFacts: Rule = {
	names: ['TPD004', 'contract-facts'],
	description: 'Pages render contract facts with <Fact>, never type them',
	tags: ['facts', 'contract'],
	parser: 'none',
	function: (params, onError) => {
		if (!appliesTo(params.name, readInclude('TPD004', params.config))) return;
		const report = (
			line: number,
			detail: string,
			inFrontMatter: boolean,
			column?: number,
			length?: number
		) => {
			const text = (inFrontMatter ? params.frontMatterLines : params.lines)[line - 1] ?? '';
			const fits =
				column !== undefined && length !== undefined && column + length - 1 <= text.length;
			onError({
				lineNumber: line,
				detail,
				context: text.trim().slice(0, 80),
				...(inFrontMatter ? { frontMatter: true } : {}),
				...(fits ? { range: [column, length] as [number, number] } : {}),
			});
		};
		// A page its parser refuses is TPD001's finding; there is no prose to read.
		const prose = readProse(rulePage(params), params.frontMatterLines);
		for (const block of prose.blocks) {
			for (const found of findHandTypedFacts([block])) {
				// Inside <NotAFact>, only a contract fact the sentence clearly states is an error:
				// advice about an example's settings (margins, pauses) is what the marker is for.
				if (found.notAFact && !(found.fact && !isExampleFact(found.fact))) continue;
				const detail = detailOf(found, block.where);
				report(
					found.line,
					found.notAFact ? `${detail} (<NotAFact> cannot hide a contract fact)` : detail,
					block.where === 'front matter',
					found.column,
					found.typed.length
				);
			}
		}
		for (const component of prose.components) {
			if (component.name === 'Fact') {
				const name = component.attributes['name'] ?? '';
				if (!isFactName(name)) {
					const near = closestMatch(name, Object.keys(FACTS));
					report(
						component.line,
						`<Fact name="${name}"> names no fact${near ? `; did you mean "${near}"?` : ''} (src/site/facts.ts)`,
						false
					);
				}
			}
			if (component.name === 'NotAFact' && !component.attributes['because']?.trim()) {
				report(
					component.line,
					'<NotAFact> needs because="…": say why these words are not a contract fact',
					false
				);
			}
		}
	},
};

export default contractFacts;
