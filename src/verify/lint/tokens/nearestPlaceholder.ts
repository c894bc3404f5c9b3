import { editDistance } from '../../../site/editDistance.ts';
import { placeholders, type Placeholder } from '../../../mock/contract/placeholders.ts';

const words = (text: string): string[] =>
	text.toUpperCase().split(/[^A-Z0-9]+/).filter((word) => word !== '');

const vocabulary = (Object.keys(placeholders) as Placeholder[]).map((entry) => ({
	entry,
	nameWords: words(entry),
	meaningWords: words(placeholders[entry]),
}));

/** The entry sharing the most words with `wanted`, earlier entries winning ties; none if 0. */
function mostShared(
	wanted: readonly string[],
	wordsOf: (item: (typeof vocabulary)[number]) => readonly string[],
): Placeholder | undefined {
	let best: Placeholder | undefined;
	let bestShared = 0;
	for (const item of vocabulary) {
		const shared = wanted.filter((word) => wordsOf(item).includes(word)).length;
		if (shared > bestShared) {
			best = item.entry;
			bestShared = shared;
		}
	}
	return best;
}

/**
 * The vocabulary entry a stray placeholder most likely meant: the one sharing the most words of
 * its name (`<YOUR_ACCESS_TOKEN>` → `<ACCESS_TOKEN>`), else of its meaning (`<JTI>` →
 * `<TOKEN_ID>`), else the closest spelling (`<PASS_WORD>` → `<PASSWORD>`).
 */
export function nearestPlaceholder(name: string): Placeholder {
	const wanted = words(name);
	const byName = mostShared(wanted, (item) => item.nameWords);
	const byMeaning = byName ?? mostShared(wanted, (item) => item.meaningWords);
	if (byMeaning) return byMeaning;
	let best: Placeholder = '<ACCESS_TOKEN>';
	let bestDistance = Number.POSITIVE_INFINITY;
	for (const { entry } of vocabulary) {
		const distance = editDistance(name.toUpperCase(), entry);
		if (distance < bestDistance) {
			best = entry;
			bestDistance = distance;
		}
	}
	return best;
}
