/**
 * Durations in prose: digits or number words (up to ninety-nine, "a", "half an"), then a unit
 * ("900 s", "15-minute", "2,592,000 seconds", "an hour", "ninety days"), with the `as` that
 * renders a value the way it was typed.
 */
import type { ScanText, ValueToken } from './scanValues.ts';

const UNDER_TWENTY = [
	'zero',
	'one',
	'two',
	'three',
	'four',
	'five',
	'six',
	'seven',
	'eight',
	'nine',
	'ten',
	'eleven',
	'twelve',
	'thirteen',
	'fourteen',
	'fifteen',
	'sixteen',
	'seventeen',
	'eighteen',
	'nineteen',
];
const TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** Number words up to ninety-nine, "a"/"an", "a hundred", "half a(n)". */
const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
	['a', 1],
	['an', 1],
	['a hundred', 100],
	['half a', 0.5],
	['half an', 0.5],
	...UNDER_TWENTY.map((word, value) => [word, value] as const),
	...TENS.flatMap((ten, index) => [
		[ten, (index + 2) * 10] as const,
		...UNDER_TWENTY.slice(1, 10).map(
			(unit, value) => [`${ten}-${unit}`, (index + 2) * 10 + value + 1] as const
		),
	]),
]);

/** Each unit's spellings and its length in seconds; `short` spellings follow digits only. */
const UNITS: { spellings: string[]; seconds: number; short?: boolean }[] = [
	{ spellings: ['ms'], seconds: 0.001, short: true },
	{ spellings: ['millisecond', 'milliseconds'], seconds: 0.001 },
	{ spellings: ['s'], seconds: 1, short: true },
	{ spellings: ['sec', 'secs', 'second', 'seconds'], seconds: 1 },
	{ spellings: ['min'], seconds: 60, short: true },
	{ spellings: ['mins', 'minute', 'minutes'], seconds: 60 },
	{ spellings: ['h'], seconds: 3_600, short: true },
	{ spellings: ['hr', 'hrs', 'hour', 'hours'], seconds: 3_600 },
	{ spellings: ['day', 'days'], seconds: 86_400 },
	{ spellings: ['week', 'weeks'], seconds: 7 * 86_400 },
	{ spellings: ['fortnight', 'fortnights'], seconds: 14 * 86_400 },
	{ spellings: ['month', 'months'], seconds: 30 * 86_400 },
	{ spellings: ['quarter', 'quarters'], seconds: 90 * 86_400 },
	{ spellings: ['year', 'years'], seconds: 365 * 86_400 },
];
/** The `as` (src/site/facts.ts) that renders a value typed with these digits or words and unit. */
const FORMAT_OF_SPELLING: Record<string, string> = {
	s: 's',
	second: 'seconds',
	seconds: 'seconds',
	min: 'short',
	h: 'short',
	ms: 'ms',
};
const unitOf = (spelling: string) =>
	UNITS.find((unit) => unit.spellings.includes(spelling.toLowerCase()));

/** A regex alternation of `words`, longest first. */
export const alternatives = (words: Iterable<string>) =>
	[...words].sort((a, b) => b.length - a.length).join('|');
const LONG_UNITS = alternatives(UNITS.filter((unit) => !unit.short).flatMap((u) => u.spellings));
const ALL_UNITS = alternatives(UNITS.flatMap((unit) => unit.spellings));
/** "900 s", "15-minute", "2,592,000 seconds", "24.8 days", "an hour", "ninety days". */
const DURATION = new RegExp(
	`(?<![\\w.,])(?:(\\d[\\d,]*(?:\\.\\d+)?)(?:[ \\u00a0-]?(${ALL_UNITS}))|(${alternatives(NUMBER_WORDS.keys())})[ \\u00a0-](${LONG_UNITS}))(?![\\w-])`,
	'gi'
);
/** After "a second" / "one minute", words that make it an ordinal or a count of something else. */
const ORDINAL_FOLLOWERS =
	/^\s+(?!after|before|later|ago|of|or|and|to|too|left|long|more|less|earlier|late|early|margin|window|wait)[a-z]/i;

/** The `as` that renders a duration the way it was typed: "15-minute", "900 s", "15 min"… */
function durationFormat(typed: string, spelling: string, digits: boolean): string {
	if (typed.toLowerCase().endsWith(`-${spelling.toLowerCase()}`)) return 'adjective';
	return (digits ? FORMAT_OF_SPELLING[spelling.toLowerCase()] : undefined) ?? 'long';
}

/** Every duration in the prose of `text`, with its seconds and the `as` it was typed in. */
export function scanDurations(text: ScanText): ValueToken[] {
	const tokens: ValueToken[] = [];
	for (const match of text.prose.matchAll(DURATION)) {
		const [typed, digits, shortUnit, word, longUnit] = match;
		const after = text.prose.slice(match.index + typed.length);
		if (word && /second|minute/i.test(longUnit ?? '') && ORDINAL_FOLLOWERS.test(after)) continue;
		const amount =
			digits !== undefined
				? Number(digits.replace(/,/g, ''))
				: NUMBER_WORDS.get((word ?? '').toLowerCase());
		const spelling = (digits !== undefined ? shortUnit : longUnit) ?? '';
		const unit = unitOf(spelling);
		if (amount === undefined || !unit) continue;
		tokens.push({
			kind: 'duration',
			index: match.index,
			length: typed.length,
			typed,
			seconds: amount * unit.seconds,
			as: durationFormat(typed, spelling, digits !== undefined),
		});
	}
	return tokens;
}
