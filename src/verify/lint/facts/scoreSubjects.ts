/**
 * Which fact a sentence talks about, by the subject words each fact declares in the registry
 * (`FACT_SUBJECTS` in src/site/facts.ts). The sentence is read into terms, longest first, so
 * "refresh token" is one term and not the word "refresh"; each fact scores the terms it declares,
 * the nearer the typed value the more. No list is tried in order: the best score wins.
 */
import { FACTS, type FactName } from '../../../site/facts.ts';

/** Lower case, curly quotes straight, `-` as a space: one character for one, so indices hold. */
const normalize = (text: string) => text.toLowerCase().replace(/[’‘]/g, "'").replace(/-/g, ' ');

function subjectsOf(name: FactName): readonly string[] {
	const found = FACTS[name];
	const declared = found.subjects ?? [];
	if (!name.startsWith('status.')) return declared;
	// An endpoint's path and `METHOD path` name it without being declared.
	const endpoint = FACTS[name.replace(/^status\./, 'endpoint.') as FactName];
	if (endpoint.kind !== 'endpoint') return declared;
	return [
		...declared,
		endpoint.path,
		`${endpoint.method} ${endpoint.path}`,
		// `<Fact name="endpoint.login" />` in the sentence, as readProse.ts leaves it.
		`‹endpoint.${name.slice('status.'.length)}›`,
	];
}

const SUBJECTS = new Map(
	(Object.keys(FACTS) as FactName[]).map((name) => [name, new Set(subjectsOf(name).map(normalize))])
);
/** Every declared term, longest first. */
const TERMS = [...new Set([...SUBJECTS.values()].flatMap((terms) => [...terms]))].sort(
	(a, b) => b.length - a.length
);

const isWord = (char: string | undefined) => char !== undefined && /\w/.test(char);

/** The declared terms in `sentence`, where each starts: leftmost, then longest, never overlapping. */
export function termsIn(sentence: string): { term: string; index: number }[] {
	const text = normalize(sentence);
	const found: { term: string; index: number }[] = [];
	let index = 0;
	while (index < text.length) {
		const atWordStart = !isWord(text[index - 1]);
		const term = TERMS.find((candidate) => {
			if (!text.startsWith(candidate, index)) return false;
			if (isWord(candidate[0]) && !atWordStart) return false;
			let end = index + candidate.length;
			if (isWord(candidate.at(-1)) && text[end] === 's') end++;
			return !isWord(candidate.at(-1)) || !isWord(text[end]);
		});
		if (term) {
			found.push({ term, index });
			index += term.length;
		} else index++;
	}
	return found;
}

/** How much a term `distance` characters from the value counts: 1 beside it, less further away. */
const weight = (distance: number) => 1 / (1 + distance / 40);

/**
 * The facts among `names` whose subjects the sentence mentions, best first, with their scores.
 * `at` is where the typed value stands in the sentence.
 */
export function scoreSubjects(
	sentence: string,
	at: number,
	names: readonly FactName[]
): { name: FactName; score: number }[] {
	const terms = termsIn(sentence);
	return names
		.map((name) => {
			const subjects = SUBJECTS.get(name) ?? new Set<string>();
			const weights = terms
				.filter(({ term }) => subjects.has(term))
				.map(({ index }) => weight(Math.abs(index - at)));
			// The nearest subject decides; each further subject the sentence names adds a little.
			const score = weights.length === 0 ? 0 : Math.max(...weights) + weights.length / 100;
			return { name, score };
		})
		.filter(({ score }) => score > 0)
		.sort((a, b) => b.score - a.score);
}
