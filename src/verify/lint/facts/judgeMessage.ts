/**
 * Judges a quoted or code-span message: the catalogue error it is, or a message no API error has.
 */
import { API_ERRORS, type ApiErrorId } from '../../../mock/contract/errors.ts';
import { type FactName, factText } from '../../../site/facts.ts';
import { statusText } from '../../../site/http/statusText.ts';
import type { Finding } from './findHandTypedFacts.ts';
import { HTTP_STATUSES, matchCatalogue, type ValueToken } from './scanValues.ts';
import type { Sentence } from './sentences.ts';

const REASON_PHRASES = new Set(
	[...HTTP_STATUSES].map((status) => statusText(status).slice(4)).filter(Boolean)
);
/** Text that reads like an API error message: words, maybe a colon, no code syntax. */
const MESSAGE_LIKE = /^[A-Za-z][A-Za-z' ’,:-]*[A-Za-z.]$/;
/** A sentence that is about what the API answered. */
const ANSWER_CONTEXT =
	/\bmessages?\b|\berror\b|(?<![\w.])[1-5]\d\d(?![\w.])|\banswer(s|ed)?\b|\brefused\b|\brespon(ds|se)\b|\bsays\b/i;

/** Catalogue errors sharing the most words with `text`, best first. */
function closestMessages(text: string): string[] {
	const words = new Set(text.toLowerCase().split(/\W+/).filter(Boolean));
	return (Object.keys(API_ERRORS) as ApiErrorId[])
		.map((id) => ({
			name: `error.${id}`,
			shared: API_ERRORS[id].message
				.toLowerCase()
				.split(/\W+/)
				.filter((word) => words.has(word)).length,
		}))
		.filter((entry) => entry.shared > 0)
		.sort((a, b) => b.shared - a.shared)
		.slice(0, 3)
		.map((entry) => entry.name);
}

/**
 * A message in a code span or quotes: a catalogue message (with the slots it fills, and the status
 * before it if any) is that error; words that only read like a message, in a sentence about an
 * answer, are a message the API never sends.
 */
export function judgeMessage(
	token: Extract<ValueToken, { kind: 'message' }>,
	sentence: Sentence
): (Finding & { typed: string }) | undefined {
	const { value, status } = token;
	const matched = matchCatalogue(value);
	if (matched) {
		const fact: FactName = `error.${matched.id}`;
		const error = API_ERRORS[matched.id];
		const as =
			status === undefined
				? 'message'
				: value === error.message && factText(fact, 'long') === `${status} ${value}`
					? 'long'
					: 'answer';
		const params = Object.entries(matched.params)
			.filter(([, typed]) => !/^<.*>$/.test(typed))
			.map(([name, typed]) => `${name}="${typed}"`)
			.join(' ');
		return {
			typed: status === undefined ? value : `${status} ${value}`,
			kind: 'error message',
			fact,
			expected: factText(fact, as),
			wrong: status !== undefined && status !== error.status,
			as,
			...(params ? { params } : {}),
		};
	}
	// Header lines and reason phrases are not messages.
	if (/^[A-Z][\w-]*: /.test(value) || REASON_PHRASES.has(value)) return undefined;
	if (!MESSAGE_LIKE.test(value) || !/\s/.test(value)) return undefined;
	if (!ANSWER_CONTEXT.test(sentence.text)) return undefined;
	return { typed: value, kind: 'error message', wrong: true, candidates: closestMessages(value) };
}
