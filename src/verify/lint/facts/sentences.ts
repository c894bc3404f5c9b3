/**
 * The sentence around a place in a block of prose, as `Intl.Segmenter` splits English: a fact is
 * attributed by the words of its own sentence. Clauses after `;` or a spaced dash are read as
 * sentences of their own, because they usually change subject ("access tokens live 15 minutes;
 * refresh tokens 30 days").
 */
const SEGMENTER = new Intl.Segmenter('en', { granularity: 'sentence' });
const CLAUSE_END = /;(?=\s|$)|\s[–—]\s/g;

export interface Sentence {
	text: string;
	/** Where the sentence starts in the block. */
	from: number;
}

/** The sentences of `text`, in order, covering it whole. */
export function sentencesOf(text: string): Sentence[] {
	const sentences: Sentence[] = [];
	for (const { segment, index } of SEGMENTER.segment(text)) {
		let from = 0;
		for (const match of segment.matchAll(CLAUSE_END)) {
			const end = match.index + match[0].length;
			sentences.push({ text: segment.slice(from, end), from: index + from });
			from = end;
		}
		sentences.push({ text: segment.slice(from), from: index + from });
	}
	return sentences;
}

/** The sentence that holds `index`. */
export function sentenceAt(sentences: readonly Sentence[], index: number): Sentence {
	let found = sentences[0] ?? { text: '', from: 0 };
	for (const sentence of sentences) if (sentence.from <= index) found = sentence;
	return found;
}
