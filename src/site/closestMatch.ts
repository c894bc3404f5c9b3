/** Levenshtein distance between two strings (insertions, deletions and substitutions cost 1). */
export function editDistance(a: string, b: string): number {
	let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		for (let j = 1; j <= b.length; j++) {
			const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
			current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
		}
		previous = current;
	}
	return previous[b.length] ?? 0;
}

/**
 * The candidate closest to `word` by edit distance (case-insensitive), or `undefined` when even the
 * best one is too far off to be a plausible typo. Ties go to the earlier candidate, so callers list
 * preferred spellings first.
 */
export function closestMatch(word: string, candidates: Iterable<string>): string | undefined {
	const wanted = word.toLowerCase();
	// A third of the word, at least one edit: "tsx2" → "tsx", but "python" is not a typo of "json".
	const tolerance = Math.max(1, Math.floor(wanted.length / 3));
	let best: string | undefined;
	let bestDistance = Number.POSITIVE_INFINITY;
	for (const candidate of candidates) {
		const distance = editDistance(wanted, candidate.toLowerCase());
		if (distance < bestDistance) {
			best = candidate;
			bestDistance = distance;
		}
	}
	return bestDistance <= tolerance ? best : undefined;
}
