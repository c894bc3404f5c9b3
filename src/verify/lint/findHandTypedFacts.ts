/**
 * Finds contract facts typed by hand in a page's prose: statuses, durations (in digits and in
 * words), sizes, cookie attributes, the contract's headers and error messages. For each it works
 * out which fact the sentence states (the access token's lifetime, the refresh endpoint's status,
 * a scope's cap…) and compares the words with the data, so the finding says whether the value is
 * wrong and which `<Fact>` to write. Regexes here run over the text of prose nodes from the syntax
 * tree (readProse.ts), never over MDX source.
 */
import { ENDPOINTS, type EndpointId } from '../../mock/contract/endpoints.ts';
import { API_ERRORS, type ApiErrorId } from '../../mock/contract/errors.ts';
import { REFRESH_COOKIE } from '../../mock/contract/http.ts';
import { SCOPES } from '../../mock/contract/scopes.ts';
import { statusText } from '../../site/http/statusText.ts';
import { FACTS, type Fact, fact, factText } from '../../site/facts.ts';
import type { ProseBlock, ProsePiece } from './readProse.ts';

/** One hand-typed fact. */
export interface HandTypedFact {
	line: number;
	column: number;
	/** The words as typed. */
	typed: string;
	/** What kind of fact: `status`, `duration`, `size`, `cookie attribute`, `header`, `error message`. */
	kind: string;
	/** The fact the sentence states, when the sentence says which. */
	fact?: string;
	/** The contract's value of that fact, in the words the page would render. */
	expected?: string;
	/** Whether the typed value differs from the contract's. */
	wrong: boolean;
	/** The `as` to write with `<Fact>`, matching how it was typed. */
	as?: string;
	/** Attributes that fill an error message's slots, as typed. */
	params?: string;
	/** Inside a `<NotAFact>`: only a fact the sentence clearly states is reported there. */
	notAFact: boolean;
	/** Facts with the typed value, when the sentence does not say which. */
	candidates?: string[];
}

interface Located {
	index: number;
	length: number;
}

/** The joined text of a block, with where each piece starts in it. */
interface BlockText {
	/** Text and code together: what the sentence says. */
	full: string;
	/** Code spans blanked out: where prose-only patterns look. */
	prose: string;
	starts: number[];
	pieces: readonly ProsePiece[];
}

function joinBlock(block: ProseBlock): BlockText {
	let full = '';
	let prose = '';
	const starts: number[] = [];
	for (const piece of block.pieces) {
		starts.push(full.length);
		full += piece.text;
		prose += piece.code ? ' '.repeat(piece.text.length) : piece.text;
	}
	return { full, prose, starts, pieces: block.pieces };
}

function pieceAt(text: BlockText, index: number): { piece: ProsePiece; start: number } {
	let found = 0;
	for (let i = 0; i < text.starts.length; i++) if ((text.starts[i] ?? 0) <= index) found = i;
	return { piece: text.pieces[found] as ProsePiece, start: text.starts[found] ?? 0 };
}

/** The sentence around `index`: from the last `.`/`!`/`?`/`:` + space before it to the next. */
function sentenceAround(full: string, index: number): { text: string; from: number } {
	const boundary = /[.!?;](?=\s|$)|\s[–—]\s/g;
	let from = 0;
	let to = full.length;
	for (const match of full.matchAll(boundary)) {
		const end = match.index + match[0].length;
		if (end <= index) from = end;
		else if (match.index >= index) {
			to = match.index;
			break;
		}
	}
	return { text: full.slice(from, to), from };
}

// ---------------------------------------------------------------------------------------------
// Durations

const NUMBER_WORDS: Record<string, number> = {
	a: 1,
	an: 1,
	one: 1,
	two: 2,
	three: 3,
	four: 4,
	five: 5,
	six: 6,
	seven: 7,
	eight: 8,
	nine: 9,
	ten: 10,
	eleven: 11,
	twelve: 12,
	fourteen: 14,
	fifteen: 15,
	twenty: 20,
	thirty: 30,
	'forty-five': 45,
	forty: 40,
	fifty: 50,
	sixty: 60,
	ninety: 90,
	'a hundred': 100,
	'half an': 0.5,
	'half a': 0.5,
};

const UNIT_SECONDS: [RegExp, number, string][] = [
	[/^(ms|milliseconds?)$/i, 0.001, 'ms'],
	[/^(s|secs?|seconds?)$/i, 1, 'seconds'],
	[/^(min|mins|minutes?)$/i, 60, 'minutes'],
	[/^(h|hrs?|hours?)$/i, 3_600, 'hours'],
	[/^days?$/i, 86_400, 'days'],
	[/^weeks?$/i, 7 * 86_400, 'days'],
	[/^fortnights?$/i, 14 * 86_400, 'days'],
	[/^months?$/i, 30 * 86_400, 'days'],
	[/^quarters?$/i, 90 * 86_400, 'days'],
	[/^years?$/i, 365 * 86_400, 'days'],
];

const WORD_NUMBER = Object.keys(NUMBER_WORDS)
	.sort((a, b) => b.length - a.length)
	.join('|');
const LONG_UNITS =
	'milliseconds?|seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|fortnights?|months?|quarters?|years?';
const SHORT_UNITS = 'ms|s|min|h';
/** "900 s", "15-minute", "2,592,000 seconds", "24.8 days", "an hour", "ninety days". */
const DURATION = new RegExp(
	`(?<![\\w.,])(?:(\\d[\\d,]*(?:\\.\\d+)?)(?:[ \\u00a0-]?(${LONG_UNITS}|${SHORT_UNITS}))|(${WORD_NUMBER})[ \\u00a0-](${LONG_UNITS}))(?![\\w-])`,
	'gi'
);
/** After "a second" / "one minute", words that make it an ordinal or a count of something else. */
const ORDINAL_FOLLOWERS =
	/^\s+(?!after|before|later|ago|of|or|and|to|too|left|long|more|less|earlier|late|early|margin|window|wait)[a-z]/i;

function durationSeconds(match: RegExpMatchArray): number | undefined {
	const [, digits, shortUnit, word, longUnit] = match;
	const amount =
		digits !== undefined
			? Number(digits.replace(/,/g, ''))
			: NUMBER_WORDS[(word ?? '').toLowerCase()];
	const unit = (digits !== undefined ? shortUnit : longUnit) ?? '';
	const seconds = UNIT_SECONDS.find(([pattern]) => pattern.test(unit))?.[1];
	if (amount === undefined || seconds === undefined) return undefined;
	return amount * seconds;
}

/** The `as` that renders a duration the way it was typed. */
function durationFormat(typed: string): string {
	if (/^\d[\d,]*\s?s$/.test(typed)) return 's';
	if (/^\d[\d,]*\s?seconds?$/.test(typed)) return 'seconds';
	if (/-\w+$/.test(typed) && !/^(forty-five|half)/i.test(typed)) return 'adjective';
	if (/\bmin$/.test(typed)) return 'short';
	if (/\bms$/.test(typed)) return 'ms';
	return 'long';
}

/** Subjects a sentence can give a duration, nearest mention first wins. */
const DURATION_SUBJECTS: { pattern: RegExp; facts: (sentence: string) => string[] }[] = [
	{
		pattern: /\bservice[- ]tokens?\b|\bcaps?\b|\bcapped\b|\bmax_ttl\b/gi,
		facts: (sentence) => {
			const scopes = SCOPES.filter((scope) => sentence.includes(scope));
			return scopes.length > 0
				? scopes.map((scope) => `cap.${scope}`)
				: ['cap.shortest', 'cap.longest', ...SCOPES.map((scope) => `cap.${scope}`)];
		},
	},
	{ pattern: /\baccess[- ]tokens?\b|\baccess[- ]token['’]s\b/gi, facts: () => ['access.lifetime'] },
	{ pattern: /\bttl\b|\bclamp(ed|s)?\b/gi, facts: () => ['ttl.clamp'] },
	{
		pattern: /\brefresh[- ]tokens?\b|\brefresh[- ]token['’]s\b/gi,
		facts: () => ['refresh.lifetime'],
	},
	{ pattern: /\bfamil(y|ies)\b|\blogins?\b|\blog in\b/gi, facts: () => ['family.lifetime'] },
	{ pattern: /\bcookie\b|\bMax-Age\b/gi, facts: () => ['cookie.maxAge'] },
	{
		pattern: /\bmargin\b|\bahead\b/gi,
		facts: () => ['tokenManager.margin', 'daemon.margin', 'sessionClient.margin'],
	},
	{
		pattern: /\btime ?outs?\b|\btimes out\b|\bgives up\b/gi,
		facts: () => [
			'tokenManager.timeout',
			'daemon.timeout',
			'sessionClient.timeout',
			'renewalJob.timeout',
			'limit.headersTimeout',
		],
	},
	{
		pattern: /\bretr(y|ies|ying)\b|\bpause[sd]?\b|\bbackoff\b/gi,
		facts: () => [
			'tokenManager.retryPause',
			'renewalJob.retryPause',
			'daemon.firstRetry',
			'daemon.longestRetry',
		],
	},
	{ pattern: /\boverlap\b/gi, facts: () => ['overlap.default'] },
];

/** Words that make a sentence state a lifetime, a cap or a setting rather than mention a time. */
const CLAIM_WORDS =
	/\b(lives?|lived|lasts?|expires?|expiry|expiring|lifetimes?|valid|good for|ends?|caps?|capped|limit(ed)?|at most|up to|clamped|reduced|margin|timeout|times out|pause|waits?|defaults?|window|Max-Age)\b|-(minute|hour|day|second)\b/i;

function nearestSubject(sentence: string, at: number): string[] | undefined {
	let best: { distance: number; facts: string[] } | undefined;
	for (const subject of DURATION_SUBJECTS) {
		for (const match of sentence.matchAll(subject.pattern)) {
			const distance = Math.abs(match.index - at);
			if (!best || distance < best.distance) best = { distance, facts: subject.facts(sentence) };
		}
	}
	return best?.facts;
}

const valueOf = (name: string): number | undefined => {
	const found = FACTS[name];
	if (!found) return undefined;
	if (found.kind === 'duration') return found.seconds;
	if (found.kind === 'bytes') return found.bytes;
	if (found.kind === 'status' || found.kind === 'error' || found.kind === 'endpoint')
		return found.status;
	return undefined;
};

function factsWithValue(kind: Fact['kind'], value: number): string[] {
	return Object.entries(FACTS)
		.filter(([name, candidate]) => candidate.kind === kind && valueOf(name) === value)
		.map(([name]) => name);
}

function findDurations(
	text: BlockText,
	report: (found: Omit<HandTypedFact, 'line' | 'column'>, at: Located) => void
) {
	for (const match of text.prose.matchAll(DURATION)) {
		const typed = match[0];
		const after = text.prose.slice(match.index + typed.length);
		if (match[3] && /second|minute/i.test(match[4] ?? '') && ORDINAL_FOLLOWERS.test(after))
			continue;
		const seconds = durationSeconds(match);
		if (seconds === undefined) continue;
		const { text: sentence, from } = sentenceAround(text.full, match.index);
		const subjects = nearestSubject(sentence, match.index - from);
		const claim = CLAIM_WORDS.test(sentence);
		const as = durationFormat(typed);
		if (subjects && claim) {
			const same = subjects.find((name) => valueOf(name) === seconds);
			const name = same ?? subjects[0] ?? '';
			report(
				{
					typed,
					kind: 'duration',
					fact: name,
					expected: factText(name, as === 'ms' ? 'ms' : as),
					wrong: same === undefined,
					as,
					notAFact: false,
				},
				{ index: match.index, length: typed.length }
			);
		} else {
			report(
				{
					typed,
					kind: 'duration',
					wrong: false,
					as,
					notAFact: false,
					candidates: factsWithValue('duration', seconds),
				},
				{ index: match.index, length: typed.length }
			);
		}
	}
}

// ---------------------------------------------------------------------------------------------
// Statuses

/** Statuses of RFC 9110 and friends: a three-digit number that is one of these reads as a status. */
const HTTP_STATUSES = new Set([
	100, 101, 102, 103, 200, 201, 202, 203, 204, 205, 206, 207, 208, 226, 300, 301, 302, 303, 304,
	305, 307, 308, 400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415,
	416, 417, 418, 421, 422, 423, 424, 425, 426, 428, 429, 431, 451, 500, 501, 502, 503, 504, 505,
	506, 507, 508, 510, 511,
]);
const STATUS_IN_PROSE =
	/(?<![\w.,+\-/:=#])([1-5]\d\d)(?![\w]|[.,]\d|\s?(ms|s|seconds?|minutes?|days?|KiB|bytes)\b)/g;
const STATUS_IN_CODE = /^([1-5]\d\d)(?:\s|$)/;

/** Words that name an endpoint in a sentence; the session ones are tried first. */
const ENDPOINT_SUBJECTS: [RegExp, EndpointId][] = [
	[
		/\/auth\/refresh\b|\bsession refresh|refresh(es|ing)? the session|(browser session|cookie).*\brefresh|\brefresh.*(browser session|cookie)/i,
		'refreshSession',
	],
	[
		/\/auth\/login\b|\blog(s|ging)? ?in\b.*\b(browser|session|cookie)|\b(browser|session)\b.*\blog(s|ging)? ?in\b|\blogin\b.*\b(browser|session)|\b(browser|session)\b.*\blogin\b/i,
		'login',
	],
	[/\/auth\/logout\b|\blog(s|ging)? ?out\b|\blogout\b/i, 'logout'],
	[
		/\/auth\/token\/refresh\b|\brefresh(es|ed|ing)?\b(?![- ]tokens?\b)|\brotat(e|es|ion)\b/i,
		'refreshTokenPair',
	],
	[/\brenew(s|al|ing)?\b|\/renew\b/i, 'renewServiceToken'],
	[
		/\bmint(s|ing)?\b|\bcreat(e|es|ing) (a )?service token|POST \/3rdparty\/v1\/service-tokens/i,
		'createServiceToken',
	],
	[
		/\blist(s|ing)? (your |the )?service tokens|GET \/3rdparty\/v1\/service-tokens/i,
		'listServiceTokens',
	],
	[/\brevok(e|es|ing)\b|\bDELETE\b/i, 'revokeToken'],
	[/\bjwks\b|\bpublic keys\b/i, 'getJwks'],
	[/\bsend(s|ing)? (a )?messages?\b|POST \/3rdparty\/v1\/messages\b/i, 'sendMessage'],
	[/\b(read|get)(s|ting)? (a |the )?message|GET \/3rdparty\/v1\/messages\//i, 'getMessage'],
	[
		/\bissu(e|es|ing)\b|\/auth\/token\b|\btoken pair\b|\bget a (new )?pair\b|\blog(s|ging)? in\b/i,
		'issueTokenPair',
	],
];
const SUCCESS_WORDS = /\bsuccess(ful|fully)?\b|\bsucceeds?\b|\bworks\b/i;
const ERROR_WORDS =
	/\b(refus(ed|es)|reject(ed|s)?|fails?|error|denied|invalid|expired|spent|wrong|missing|without|revoked|not)\b/i;

function endpointOf(sentence: string): EndpointId | undefined {
	return ENDPOINT_SUBJECTS.find(([pattern]) => pattern.test(sentence))?.[1];
}

function errorsWithStatus(status: number): ApiErrorId[] {
	return (Object.keys(API_ERRORS) as ApiErrorId[]).filter((id) => API_ERRORS[id].status === status);
}

function judgeStatus(status: number, sentence: string, code: boolean, typed: string) {
	const as = /\s/.test(typed) ? 'long' : code ? 'code' : 'number';
	const id = endpointOf(sentence);
	const errors = errorsWithStatus(status);
	if (id) {
		const spec = ENDPOINTS.find((endpoint) => endpoint.id === id);
		const success = spec?.success.status;
		const endpointErrors: readonly ApiErrorId[] = spec?.errors ?? [];
		const matchingError = endpointErrors.find((error) => API_ERRORS[error].status === status);
		const saysSuccess =
			SUCCESS_WORDS.test(sentence) || (!ERROR_WORDS.test(sentence) && status < 300);
		if (status === success) {
			return { fact: `status.${id}`, expected: factText(`status.${id}`), wrong: false, as };
		}
		if (!saysSuccess && matchingError) {
			return {
				fact: `error.${matchingError}`,
				expected: factText(`error.${matchingError}`, 'long'),
				wrong: false,
				as,
			};
		}
		if (saysSuccess || status < 300) {
			return { fact: `status.${id}`, expected: factText(`status.${id}`), wrong: true, as };
		}
	}
	if (errors.length > 0)
		return { candidates: errors.map((error) => `error.${error}`), wrong: false, as };
	const successes = ENDPOINTS.filter((endpoint) => endpoint.success.status === status);
	return { candidates: successes.map((endpoint) => `status.${endpoint.id}`), wrong: false, as };
}

function findStatuses(
	text: BlockText,
	report: (found: Omit<HandTypedFact, 'line' | 'column'>, at: Located) => void
) {
	const judge = (status: number, index: number, typed: string, code: boolean) => {
		const { text: sentence } = sentenceAround(text.full, index);
		const verdict = judgeStatus(status, sentence, code, typed);
		report({ typed, kind: 'status', notAFact: false, ...verdict }, { index, length: typed.length });
	};
	for (const match of text.prose.matchAll(STATUS_IN_PROSE)) {
		const status = Number(match[1]);
		if (HTTP_STATUSES.has(status)) judge(status, match.index, match[0], false);
	}
	text.pieces.forEach((piece, i) => {
		if (!piece.code) return;
		const match = STATUS_IN_CODE.exec(piece.text.trim());
		if (!match || !HTTP_STATUSES.has(Number(match[1]))) return;
		// `403 scope required: …` is a status and a message: the message check reports it.
		if (matchCatalogue(piece.text.trim().slice(3).trim())) return;
		judge(Number(match[1]), text.starts[i] ?? 0, piece.text.trim(), true);
	});
}

// ---------------------------------------------------------------------------------------------
// Headers and cookie attributes

const HEADERS: { pattern: RegExp; fact: string }[] = [
	{ pattern: /\bX-CSRF\b/gi, fact: 'header.csrf' },
	{ pattern: /\bCache-Control\b/gi, fact: 'header.cacheControl' },
	{ pattern: /\bWWW-Authenticate\b/gi, fact: 'header.wwwAuthenticate' },
	{ pattern: /\bPragma\b/g, fact: 'header.pragma' },
];

function findHeaders(
	text: BlockText,
	report: (found: Omit<HandTypedFact, 'line' | 'column'>, at: Located) => void
) {
	for (const { pattern, fact: name } of HEADERS) {
		for (const match of text.full.matchAll(pattern)) {
			const header = fact(name);
			if (header.kind !== 'header') continue;
			const value = /^\s*:\s*([^\s`,;)]*[^\s`,;).:])/.exec(
				text.full.slice(match.index + match[0].length)
			);
			const typed = value ? `${match[0]}${value[0]}` : match[0];
			report(
				{
					typed,
					kind: 'header',
					fact: name,
					expected: factText(name, value ? 'long' : 'name'),
					wrong: value ? value[1] !== header.value : match[0] !== header.name,
					as: value ? 'long' : 'name',
					notAFact: false,
				},
				{ index: match.index, length: typed.length }
			);
		}
	}
	// A header value on its own: `no-store`.
	for (const match of text.full.matchAll(/(?<![\w:-]\s?)\bno-store\b/g)) {
		report(
			{
				typed: match[0],
				kind: 'header',
				fact: 'header.cacheControl',
				expected: factText('header.cacheControl', 'value'),
				wrong: false,
				as: 'value',
				notAFact: false,
			},
			{ index: match.index, length: match[0].length }
		);
	}
}

const COOKIE_ATTRIBUTES: {
	pattern: RegExp;
	judge: (match: RegExpMatchArray) => { fact: string; wrong: boolean; as?: string };
}[] = [
	{ pattern: /\bHttpOnly\b/gi, judge: () => ({ fact: 'cookie.httpOnly', wrong: false }) },
	{
		pattern: /\bSameSite(?:=(\w+))?/g,
		judge: (match) => ({
			fact: 'cookie.sameSite',
			wrong:
				match[1] !== undefined && `SameSite=${match[1]}` !== REFRESH_COOKIE.attributes.sameSite,
		}),
	},
	{
		pattern: /(?<![\w/])Path=(\/[\w/-]*)/g,
		judge: (match) => ({
			fact: 'cookie.path',
			wrong: `Path=${match[1]}` !== REFRESH_COOKIE.attributes.path,
		}),
	},
	{
		pattern: /\bMax-Age(?:=(\d+))?/g,
		judge: (match) =>
			match[1] === undefined
				? { fact: 'cookie.maxAgeName', wrong: false }
				: {
						fact: 'cookie.maxAge',
						wrong: Number(match[1]) !== valueOf('cookie.maxAge'),
						as: 'maxAge',
					},
	},
	{ pattern: /\bDomain=\S+/g, judge: () => ({ fact: 'cookie.attributes', wrong: true }) },
	{
		pattern: /(?<=[a-z,;] )Secure\b|^Secure$/g,
		judge: () => ({ fact: 'cookie.secure', wrong: false }),
	},
];

function findCookieAttributes(
	text: BlockText,
	report: (found: Omit<HandTypedFact, 'line' | 'column'>, at: Located) => void
) {
	const scan = (subject: string, offset: number) => {
		for (const { pattern, judge } of COOKIE_ATTRIBUTES) {
			for (const match of subject.matchAll(pattern)) {
				const verdict = judge(match);
				report(
					{
						typed: match[0],
						kind: 'cookie attribute',
						expected: factText(verdict.fact, verdict.as),
						notAFact: false,
						...verdict,
					},
					{ index: offset + match.index, length: match[0].length }
				);
			}
		}
	};
	scan(text.prose, 0);
	text.pieces.forEach((piece, i) => {
		if (piece.code) scan(piece.text, text.starts[i] ?? 0);
	});
	// The cookie's name in a sentence about the cookie.
	text.pieces.forEach((piece, i) => {
		if (!piece.code || piece.text !== REFRESH_COOKIE.name) return;
		const { text: sentence } = sentenceAround(text.full, text.starts[i] ?? 0);
		if (!/cookie/i.test(sentence)) return;
		report(
			{
				typed: piece.text,
				kind: 'cookie attribute',
				fact: 'cookie.name',
				expected: factText('cookie.name'),
				wrong: false,
				notAFact: false,
			},
			{ index: text.starts[i] ?? 0, length: piece.text.length }
		);
	});
}

// ---------------------------------------------------------------------------------------------
// Sizes

const SIZE = /(?<![\w.,])(\d[\d,]*(?:\.\d+)?)\s?(KiB|KB|kB|MiB|MB|GiB|bytes?)\b/g;
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

/** The name whose pattern matches nearest to `at` in `sentence`. */
function nearestOf(sentence: string, at: number, subjects: [RegExp, string][]): string | undefined {
	let best: { distance: number; name: string } | undefined;
	for (const [pattern, name] of subjects) {
		for (const match of sentence.matchAll(pattern)) {
			const distance = Math.abs(match.index - at);
			if (!best || distance < best.distance) best = { distance, name };
		}
	}
	return best?.name;
}

function findSizes(
	text: BlockText,
	report: (found: Omit<HandTypedFact, 'line' | 'column'>, at: Located) => void
) {
	for (const match of text.prose.matchAll(SIZE)) {
		const bytes = Number((match[1] ?? '').replace(/,/g, '')) * (SIZE_UNITS[match[2] ?? ''] ?? 1);
		const { text: sentence, from } = sentenceAround(text.full, match.index);
		const name = nearestOf(sentence, match.index - from, [
			[/\bheaders?\b|\bURL\b/gi, 'limit.headers'],
			[/\bbod(y|ies)\b|\bpayloads?\b/gi, 'limit.body'],
		]);
		const as = /bytes?$/.test(match[0]) ? 'bytes' : 'long';
		report(
			name
				? {
						typed: match[0],
						kind: 'size',
						fact: name,
						expected: factText(name, as),
						wrong: valueOf(name) !== bytes,
						as,
						notAFact: false,
					}
				: {
						typed: match[0],
						kind: 'size',
						wrong: false,
						as,
						notAFact: false,
						candidates: factsWithValue('bytes', bytes),
					},
			{ index: match.index, length: match[0].length }
		);
	}
}

// ---------------------------------------------------------------------------------------------
// Error messages

const CATALOGUE = (Object.entries(API_ERRORS) as [ApiErrorId, { message: string }][]).map(
	([id, { message }]) => ({
		id,
		message,
		params: [...message.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? ''),
		pattern: new RegExp(
			`^${message
				.split(/\{\w+\}/)
				.map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
				.join('(.+)')}$`
		),
	})
);

function matchCatalogue(candidate: string): ApiErrorId | undefined {
	return CATALOGUE.find((entry) => entry.pattern.test(candidate))?.id;
}

/** The `{slot}` values a typed message fills in, as `<Fact>` attributes (`scope="tokens:refresh"`). */
function messageParams(id: ApiErrorId, candidate: string): string | undefined {
	const entry = CATALOGUE.find((other) => other.id === id);
	const values = entry?.pattern.exec(candidate)?.slice(1) ?? [];
	const attributes = (entry?.params ?? [])
		.map((name, index) => [name, values[index] ?? ''] as const)
		.filter(([, value]) => !/^<.*>$/.test(value))
		.map(([name, value]) => `${name}="${value}"`);
	return attributes.length > 0 ? attributes.join(' ') : undefined;
}

const REASON_PHRASES = new Set(
	[...HTTP_STATUSES].map((status) => statusText(status).slice(4)).filter(Boolean)
);

/** Text that reads like an API error message: words, maybe a colon, no code syntax. */
const MESSAGE_LIKE = /^[A-Za-z][A-Za-z' ’,:-]*[A-Za-z.]$/;
/** A sentence that is about what the API answered. */
const ANSWER_CONTEXT =
	/\bmessages?\b|\berror\b|(?<![\w.])[1-5]\d\d(?![\w.])|\banswer(s|ed)?\b|\brefused\b|\brespon(ds|se)\b|\bsays\b/i;

function findMessages(
	text: BlockText,
	report: (found: Omit<HandTypedFact, 'line' | 'column'>, at: Located) => void
) {
	const candidates: { value: string; status?: number; index: number; length: number }[] = [];
	text.pieces.forEach((piece, i) => {
		if (!piece.code) return;
		const trimmed = piece.text.trim();
		// `403 scope required: …`: the message after the status.
		const status = STATUS_IN_CODE.exec(trimmed);
		candidates.push({
			value: status ? trimmed.slice(3).trim() : trimmed,
			...(status ? { status: Number(status[1]) } : {}),
			index: text.starts[i] ?? 0,
			length: piece.text.length,
		});
	});
	for (const match of text.prose.matchAll(/"([^"\n]{3,})"|“([^”\n]{3,})”/g)) {
		candidates.push({
			value: match[1] ?? match[2] ?? '',
			index: match.index,
			length: match[0].length,
		});
	}
	for (const candidate of candidates) {
		const id = matchCatalogue(candidate.value);
		if (id) {
			const name = `error.${id}`;
			const params = messageParams(id, candidate.value);
			const { status } = candidate;
			const as =
				status === undefined
					? 'message'
					: candidate.value === API_ERRORS[id].message &&
						  factText(name, 'long') === `${status} ${candidate.value}`
						? 'long'
						: 'answer';
			report(
				{
					typed: status === undefined ? candidate.value : `${status} ${candidate.value}`,
					kind: 'error message',
					fact: name,
					expected: factText(name, as),
					wrong: status !== undefined && status !== API_ERRORS[id].status,
					as,
					notAFact: false,
					...(params === undefined ? {} : { params }),
				},
				candidate
			);
			continue;
		}
		// Header lines and reason phrases are not messages.
		if (/^[A-Z][\w-]*: /.test(candidate.value) || REASON_PHRASES.has(candidate.value)) continue;
		if (!MESSAGE_LIKE.test(candidate.value) || !/\s/.test(candidate.value)) continue;
		const { text: sentence } = sentenceAround(text.full, candidate.index);
		if (!ANSWER_CONTEXT.test(sentence)) continue;
		report(
			{
				typed: candidate.value,
				kind: 'error message',
				wrong: true,
				notAFact: false,
				candidates: closestMessages(candidate.value),
			},
			candidate
		);
	}
}

/** Catalogue errors sharing the most words with `text`, best first. */
function closestMessages(text: string): string[] {
	const words = new Set(text.toLowerCase().split(/\W+/).filter(Boolean));
	return CATALOGUE.map((entry) => ({
		name: `error.${entry.id}`,
		shared: entry.message
			.toLowerCase()
			.split(/\W+/)
			.filter((word) => words.has(word)).length,
	}))
		.filter((entry) => entry.shared > 0)
		.sort((a, b) => b.shared - a.shared)
		.slice(0, 3)
		.map((entry) => entry.name);
}

// ---------------------------------------------------------------------------------------------

/**
 * Every hand-typed fact in the blocks. Overlapping finds keep the first (a status inside a
 * message is reported once, as the message).
 */
export function findHandTypedFacts(blocks: readonly ProseBlock[]): HandTypedFact[] {
	const found: HandTypedFact[] = [];
	for (const block of blocks) {
		const text = joinBlock(block);
		const taken: Located[] = [];
		const report = (fact: Omit<HandTypedFact, 'line' | 'column'>, at: Located) => {
			if (
				taken.some(
					(other) => at.index < other.index + other.length && other.index < at.index + at.length
				)
			)
				return;
			taken.push(at);
			const { piece, start } = pieceAt(text, at.index);
			const within = at.index - start;
			const column =
				piece.column +
				Math.max(0, within - (piece.text.startsWith(' ') && piece.column === 1 ? 1 : 0));
			found.push({ ...fact, notAFact: piece.notAFact !== undefined, line: piece.line, column });
		};
		findMessages(text, report);
		findHeaders(text, report);
		findCookieAttributes(text, report);
		findStatuses(text, report);
		findSizes(text, report);
		findDurations(text, report);
	}
	return found.sort((a, b) => a.line - b.line || a.column - b.column);
}
