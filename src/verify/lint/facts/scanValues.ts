/**
 * The one scanner of value tokens in prose: durations (in digits and in words), sizes, statuses,
 * header names and values, cookie attributes and quoted or code-span messages. It says what each
 * token is and its value; which fact a token states is decided apart (findHandTypedFacts.ts).
 * The regexes here run over the text of prose nodes from the syntax tree, never over MDX.
 */
import { API_ERRORS, type ApiErrorId } from '../../../mock/contract/errors.ts';
import { matchTemplate } from '../../../mock/contract/messageTemplate.ts';
import { FACTS, type FactName } from '../../../site/facts.ts';
import { renderingsOf } from './factIndex.ts';
import { alternatives, scanDurations } from './scanDurations.ts';

/** A block's text, with code spans marked: prose-only tokens are looked for outside them. */
export interface ScanText {
	/** Text and code together: what the sentence says. */
	full: string;
	/** Code spans blanked out. */
	prose: string;
	/** Each code span's text and where it starts in `full`. */
	codeSpans: readonly { text: string; index: number }[];
}

interface At {
	index: number;
	length: number;
	typed: string;
}

export type ValueToken =
	| (At & { kind: 'duration'; seconds: number; as: string })
	| (At & { kind: 'size'; bytes: number; as: string })
	| (At & { kind: 'status'; status: number; as: string })
	| (At & { kind: 'header'; fact: FactName; value?: string })
	| (At & { kind: 'cookie attribute'; fact: FactName; value?: string })
	| (At & { kind: 'cookie name' })
	| (At & { kind: 'message'; value: string; status?: number });

// ---------------------------------------------------------------------------------------------
// Sizes

const SIZE_UNITS: Record<string, number> = {
	KiB: 1024,
	KB: 1000,
	kB: 1000,
	MiB: 1024 ** 2,
	MB: 1e6,
	GiB: 1024 ** 3,
	byte: 1,
	bytes: 1,
};
const SIZE = new RegExp(
	`(?<![\\w.,])(\\d[\\d,]*(?:\\.\\d+)?)\\s?(${alternatives(Object.keys(SIZE_UNITS))})\\b`,
	'g'
);

function scanSizes(text: ScanText): ValueToken[] {
	return [...text.prose.matchAll(SIZE)].map((match) => ({
		kind: 'size',
		index: match.index,
		length: match[0].length,
		typed: match[0],
		bytes: Number((match[1] ?? '').replace(/,/g, '')) * (SIZE_UNITS[match[2] ?? ''] ?? 1),
		as: /bytes?$/.test(match[0]) ? 'bytes' : 'long',
	}));
}

// ---------------------------------------------------------------------------------------------
// Statuses and messages

/** Statuses of RFC 9110 and friends: a three-digit number that is one of these reads as a status. */
export const HTTP_STATUSES: ReadonlySet<number> = new Set([
	100, 101, 102, 103, 200, 201, 202, 203, 204, 205, 206, 207, 208, 226, 300, 301, 302, 303, 304,
	305, 307, 308, 400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415,
	416, 417, 418, 421, 422, 423, 424, 425, 426, 428, 429, 431, 451, 500, 501, 502, 503, 504, 505,
	506, 507, 508, 510, 511,
]);
const STATUS_IN_PROSE =
	/(?<![\w.,+\-/:=#])([1-5]\d\d)(?![\w]|[.,]\d|\s?(ms|s|seconds?|minutes?|days?|KiB|bytes)\b)/g;
const STATUS_IN_CODE = /^([1-5]\d\d)(?:\s|$)/;

/** The catalogue error whose message template reads `text`, with the slots' values. */
export function matchCatalogue(
	text: string
): { id: ApiErrorId; params: Readonly<Record<string, string>> } | undefined {
	for (const id of Object.keys(API_ERRORS) as ApiErrorId[]) {
		const params = matchTemplate(API_ERRORS[id].message, text);
		if (params) return { id, params };
	}
	return undefined;
}

function scanStatuses(text: ScanText): ValueToken[] {
	const tokens: ValueToken[] = [];
	for (const match of text.prose.matchAll(STATUS_IN_PROSE)) {
		const status = Number(match[1]);
		if (!HTTP_STATUSES.has(status)) continue;
		const typed = match[0];
		tokens.push({
			kind: 'status',
			index: match.index,
			length: typed.length,
			typed,
			status,
			as: 'number',
		});
	}
	for (const span of text.codeSpans) {
		const typed = span.text.trim();
		const match = STATUS_IN_CODE.exec(typed);
		if (!match || !HTTP_STATUSES.has(Number(match[1]))) continue;
		// `403 scope required: …` is a status and a message: the message is what it states.
		if (matchCatalogue(typed.slice(3).trim())) continue;
		const as = /\s/.test(typed) ? 'long' : 'code';
		tokens.push({
			kind: 'status',
			index: span.index,
			length: typed.length,
			typed,
			status: Number(match[1]),
			as,
		});
	}
	return tokens;
}

function scanMessages(text: ScanText): ValueToken[] {
	const tokens: ValueToken[] = [];
	for (const span of text.codeSpans) {
		const trimmed = span.text.trim();
		// `403 scope required: …`: the message after the status.
		const status = STATUS_IN_CODE.exec(trimmed);
		tokens.push({
			kind: 'message',
			index: span.index,
			length: span.text.length,
			typed: trimmed,
			value: status ? trimmed.slice(3).trim() : trimmed,
			...(status ? { status: Number(status[1]) } : {}),
		});
	}
	for (const match of text.prose.matchAll(/"([^"\n]{3,})"|“([^”\n]{3,})”/g)) {
		const value = match[1] ?? match[2] ?? '';
		tokens.push({
			kind: 'message',
			index: match.index,
			length: match[0].length,
			typed: value,
			value,
		});
	}
	return tokens;
}

// ---------------------------------------------------------------------------------------------
// Headers and cookie attributes: their names are renderings of facts

/** Each header fact by the name it renders (`X-CSRF`), for any case of the name. */
const HEADER_FACTS = new Map<string, { fact: FactName; value: string }[]>();
for (const fact of Object.keys(FACTS) as FactName[]) {
	const header = FACTS[fact];
	if (header.kind !== 'header') continue;
	HEADER_FACTS.set(header.name, [
		...(HEADER_FACTS.get(header.name) ?? []),
		{ fact, value: header.value },
	]);
}
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Whether `typed` is a header's value, or its first words (prose cuts `Basic realm="…"` at the
 * space: `WWW-Authenticate: Basic`).
 */
export function startsValue(value: string, typed: string | undefined): boolean {
	return typed !== undefined && (value === typed || value.startsWith(`${typed} `));
}

function scanHeaders(text: ScanText): ValueToken[] {
	const tokens: ValueToken[] = [];
	for (const [name, facts] of HEADER_FACTS) {
		// `Pragma` is also an English word: only its exact spelling is the header.
		const flags = /^[A-Z][a-z]+$/.test(name) ? 'g' : 'gi';
		for (const match of text.full.matchAll(new RegExp(`\\b${escape(name)}\\b`, flags))) {
			const value = /^\s*:\s*([^\s`,;)]*[^\s`,;).:])/.exec(
				text.full.slice(match.index + match[0].length)
			);
			const typed = value ? `${match[0]}${value[0]}` : match[0];
			// Two facts may share a header (two challenges): the one with the typed value is meant.
			const { fact } =
				facts.find((header) => startsValue(header.value, value?.[1])) ?? facts[0] ?? {};
			if (!fact) continue;
			tokens.push({
				kind: 'header',
				index: match.index,
				length: typed.length,
				typed,
				fact,
				...(value ? { value: value[1] ?? '' } : {}),
			});
		}
	}
	// A header value on its own: `no-store`.
	for (const match of text.full.matchAll(/(?<![\w:-]\s?)\bno-store\b/g)) {
		tokens.push({
			kind: 'header',
			index: match.index,
			length: match[0].length,
			typed: match[0],
			fact: 'header.cacheControl',
			value: match[0],
		});
	}
	return tokens;
}

/** Cookie attributes, `Name` or `Name=value`; `Secure` only where it reads as the attribute. */
const COOKIE_ATTRIBUTES: { pattern: RegExp; fact: FactName }[] = [
	{ pattern: /\bHttpOnly\b/gi, fact: 'cookie.httpOnly' },
	{ pattern: /\bSameSite(?:=(\w+))?/g, fact: 'cookie.sameSite' },
	{ pattern: /(?<![\w/])Path=(\/[\w/-]*)/g, fact: 'cookie.path' },
	{ pattern: /\bMax-Age(?:=(\d+))?/g, fact: 'cookie.maxAge' },
	{ pattern: /\bDomain=(\S+)/g, fact: 'cookie.attributes' },
	{ pattern: /(?<=[a-z,;] )Secure\b|^Secure$/g, fact: 'cookie.secure' },
];

function scanCookieAttributes(text: ScanText): ValueToken[] {
	const tokens: ValueToken[] = [];
	const scan = (subject: string, offset: number) => {
		for (const { pattern, fact } of COOKIE_ATTRIBUTES) {
			for (const match of subject.matchAll(pattern)) {
				tokens.push({
					kind: 'cookie attribute',
					index: offset + match.index,
					length: match[0].length,
					typed: match[0],
					fact,
					...(match[1] === undefined ? {} : { value: match[1] }),
				});
			}
		}
	};
	scan(text.prose, 0);
	for (const span of text.codeSpans) scan(span.text, span.index);
	for (const span of text.codeSpans) {
		if (!renderingsOf(span.text).some(({ name }) => name === 'cookie.name')) continue;
		tokens.push({
			kind: 'cookie name',
			index: span.index,
			length: span.text.length,
			typed: span.text,
		});
	}
	return tokens;
}

/**
 * Every value token in the text, in the order overlapping tokens are settled: a message before
 * the status inside it, a header or cookie attribute before a duration inside it.
 */
export function scanValues(text: ScanText): ValueToken[] {
	return [
		...scanMessages(text),
		...scanHeaders(text),
		...scanCookieAttributes(text),
		...scanStatuses(text),
		...scanSizes(text),
		...scanDurations(text),
	];
}
