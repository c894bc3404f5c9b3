/**
 * Finds contract facts typed by hand in a page's prose and says, for each, which fact its
 * sentence states and whether the value is wrong, so TPD004 can name the `<Fact>` to write. The
 * value tokens come from one scanner (scanValues.ts); the fact from the subject words each fact
 * declares (scoreSubjects.ts); the expected words from the facts' own renderings (`factText`).
 */
import { ENDPOINTS } from '../../../mock/contract/endpoints.ts';
import { API_ERRORS, type ApiErrorId } from '../../../mock/contract/errors.ts';
import { FACTS, type Fact, type FactName, factText } from '../../../site/facts.ts';
import type { ProseBlock, ProsePiece } from '../readProse.ts';
import { scanValues, startsValue, type ValueToken } from './scanValues.ts';
import { formatOf, renderingsOf } from './factIndex.ts';
import { judgeMessage } from './judgeMessage.ts';
import { scoreSubjects } from './scoreSubjects.ts';
import { type Sentence, sentenceAt, sentencesOf } from './sentences.ts';

/** One hand-typed fact. */
export interface HandTypedFact {
	line: number;
	column: number;
	/** The words as typed. */
	typed: string;
	/** What kind of fact: `status`, `duration`, `size`, `cookie attribute`, `header`, `error message`. */
	kind: string;
	/** The fact the sentence states, when the sentence says which. */
	fact?: FactName;
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

/** What a judge says of a token; the place and `<NotAFact>` come from the prose. */
export type Finding = Omit<HandTypedFact, 'line' | 'column' | 'notAFact' | 'typed'>;

const NAMES = Object.keys(FACTS) as FactName[];
const namesOfKind = (kind: Fact['kind']) =>
	NAMES.filter((name) => FACTS[name].kind === kind && FACTS[name].subjects !== undefined);
const DURATION_FACTS = namesOfKind('duration');
const SIZE_FACTS = namesOfKind('bytes');
const STATUS_FACTS = namesOfKind('status');

/** A fact's number: seconds, bytes or status. */
function valueOf(name: FactName): number | undefined {
	const found = FACTS[name];
	if (found.kind === 'duration') return found.seconds;
	if (found.kind === 'bytes') return found.bytes;
	if (found.kind === 'status' || found.kind === 'error' || found.kind === 'endpoint')
		return found.status;
	return undefined;
}

function factsWithValue(kind: Fact['kind'], value: number): FactName[] {
	return NAMES.filter((name) => FACTS[name].kind === kind && valueOf(name) === value);
}

/**
 * The fact the sentence states among `names`: the best-scored by subjects; among facts that
 * score the same, the one with the typed value, else the one whose value is nearest to it.
 */
function attribute(
	sentence: Sentence,
	index: number,
	names: readonly FactName[],
	value: number
): { fact: FactName; wrong: boolean } | undefined {
	const scored = scoreSubjects(sentence.text, index - sentence.from, names);
	const best = scored[0]?.score;
	if (best === undefined) return undefined;
	const tied = scored.filter(({ score }) => best - score < 1e-9).map(({ name }) => name);
	const distance = (name: FactName) => Math.abs(Math.log((valueOf(name) ?? 0) / value));
	const fact = tied.reduce((chosen, name) => (distance(name) < distance(chosen) ? name : chosen));
	return { fact, wrong: valueOf(fact) !== value };
}

/** Words that make a sentence state a lifetime, a cap or a setting rather than mention a time. */
const CLAIM_WORDS =
	/\b(lives?|lived|lasts?|expires?|expiry|expiring|lifetimes?|valid|good for|ends?|caps?|capped|limit(ed)?|at most|up to|clamped|reduced|margin|timeout|times out|pause|waits?|defaults?|window|Max-Age)\b|-(minute|hour|day|second)\b/i;

/**
 * A duration or a size is the fact its sentence states (a duration only where the sentence makes
 * a claim: "lives", "at most"…), else one of the facts with that value.
 */
function judgeQuantity(
	token: Extract<ValueToken, { kind: 'duration' | 'size' }>,
	sentence: Sentence
): Finding {
	const duration = token.kind === 'duration';
	const value = duration ? token.seconds : token.bytes;
	const claims = !duration || CLAIM_WORDS.test(sentence.text);
	const found =
		claims && attribute(sentence, token.index, duration ? DURATION_FACTS : SIZE_FACTS, value);
	if (!found) {
		const candidates = factsWithValue(duration ? 'duration' : 'bytes', value);
		return { kind: token.kind, wrong: false, as: token.as, candidates };
	}
	const as = formatOf(found.fact, token.typed, token.as);
	return { kind: token.kind, ...found, expected: factText(found.fact, as), as };
}

const SUCCESS_WORDS = /\bsuccess(ful|fully)?\b|\bsucceeds?\b|\bworks\b/i;
const ERROR_WORDS =
	/\b(refus(ed|es)|reject(ed|s)?|fails?|error|denied|invalid|expired|spent|wrong|missing|without|revoked|not)\b/i;

/**
 * A status is the success status of the endpoint the sentence names, or one of that endpoint's
 * errors when the sentence speaks of failure; without an endpoint, the facts with that status.
 */
function judgeStatus(token: Extract<ValueToken, { kind: 'status' }>, sentence: Sentence): Finding {
	const { status } = token;
	const named = attribute(sentence, token.index, STATUS_FACTS, status);
	const spec = named && ENDPOINTS.find((endpoint) => `status.${endpoint.id}` === named.fact);
	if (named && spec) {
		const as = formatOf(named.fact, token.typed, token.as);
		const endpointErrors: readonly ApiErrorId[] = spec.errors;
		const matchingError = endpointErrors.find((error) => API_ERRORS[error].status === status);
		const saysSuccess =
			SUCCESS_WORDS.test(sentence.text) || (!ERROR_WORDS.test(sentence.text) && status < 300);
		if (status === spec.success.status || saysSuccess || (status < 300 && !matchingError)) {
			return {
				kind: 'status',
				fact: named.fact,
				expected: factText(named.fact),
				wrong: status !== spec.success.status,
				as,
			};
		}
		if (matchingError) {
			const fact: FactName = `error.${matchingError}`;
			return {
				kind: 'status',
				fact,
				expected: factText(fact, 'long'),
				wrong: false,
				as: formatOf(fact, token.typed, token.as),
			};
		}
	}
	const errors = (Object.keys(API_ERRORS) as ApiErrorId[]).filter(
		(id) => API_ERRORS[id].status === status
	);
	const candidates =
		errors.length > 0
			? errors.map((error) => `error.${error}`)
			: ENDPOINTS.filter((endpoint) => endpoint.success.status === status).map(
					(endpoint) => `status.${endpoint.id}`
				);
	return { kind: 'status', wrong: false, as: token.as, candidates };
}

function judgeHeader(token: Extract<ValueToken, { kind: 'header' }>): Finding {
	const header = FACTS[token.fact];
	if (header.kind !== 'header') throw new Error(`${token.fact} is not a header`);
	const as = token.value === undefined ? 'name' : token.typed === token.value ? 'value' : 'long';
	const wrong =
		token.value === undefined
			? token.typed !== header.name
			: !startsValue(header.value, token.value);
	return { kind: 'header', fact: token.fact, expected: factText(token.fact, as), wrong, as };
}

/**
 * A cookie attribute with a value (`SameSite=Lax`) is wrong unless it is exactly a rendering of
 * its fact; `Max-Age` alone names the attribute, `Domain=…` is wrong whatever its value.
 */
function judgeCookieAttribute(token: Extract<ValueToken, { kind: 'cookie attribute' }>): Finding {
	const fact =
		token.fact === 'cookie.maxAge' && token.value === undefined ? 'cookie.maxAgeName' : token.fact;
	const exact = renderingsOf(token.typed).find((rendering) => rendering.name === fact);
	const as = exact?.as ?? (fact === 'cookie.maxAge' ? 'maxAge' : undefined);
	const wrong = token.value !== undefined && exact === undefined;
	return {
		kind: 'cookie attribute',
		fact,
		expected: factText(fact, as),
		wrong,
		...(as && as !== 'long' ? { as } : {}),
	};
}

function judge(token: ValueToken, sentence: Sentence): (Finding & { typed?: string }) | undefined {
	switch (token.kind) {
		case 'message':
			return judgeMessage(token, sentence);
		case 'header':
			return judgeHeader(token);
		case 'cookie attribute':
			return judgeCookieAttribute(token);
		case 'cookie name':
			if (!/cookie/i.test(sentence.text)) return undefined;
			return {
				kind: 'cookie attribute',
				fact: 'cookie.name',
				expected: factText('cookie.name'),
				wrong: false,
			};
		case 'status':
			return judgeStatus(token, sentence);
		case 'size':
		case 'duration':
			return judgeQuantity(token, sentence);
	}
}

/** A block's joined text, and where each piece starts in it. */
function joinBlock(block: ProseBlock) {
	let full = '';
	let prose = '';
	const starts: number[] = [];
	const codeSpans: { text: string; index: number }[] = [];
	for (const piece of block.pieces) {
		starts.push(full.length);
		if (piece.code) codeSpans.push({ text: piece.text, index: full.length });
		full += piece.text;
		prose += piece.code ? ' '.repeat(piece.text.length) : piece.text;
	}
	return { full, prose, codeSpans, starts };
}

/**
 * Every hand-typed fact in the blocks. Overlapping tokens keep the first the scanner lists (a
 * status inside a message is reported once, as the message).
 */
export function findHandTypedFacts(blocks: readonly ProseBlock[]): HandTypedFact[] {
	const found: HandTypedFact[] = [];
	for (const block of blocks) {
		const text = joinBlock(block);
		const sentences = sentencesOf(text.full);
		const taken: { index: number; length: number }[] = [];
		for (const token of scanValues(text)) {
			const overlaps = taken.some(
				(other) =>
					token.index < other.index + other.length && other.index < token.index + token.length
			);
			if (overlaps) continue;
			const finding = judge(token, sentenceAt(sentences, token.index));
			if (!finding) continue;
			taken.push(token);
			let at = 0;
			text.starts.forEach((start, i) => {
				if (start <= token.index) at = i;
			});
			const piece = block.pieces[at] as ProsePiece;
			const within = token.index - (text.starts[at] ?? 0);
			const column =
				piece.column +
				Math.max(0, within - (piece.text.startsWith(' ') && piece.column === 1 ? 1 : 0));
			found.push({
				typed: token.typed,
				...finding,
				notAFact: piece.notAFact !== undefined,
				line: piece.line,
				column,
			});
		}
	}
	return found.sort((a, b) => a.line - b.line || a.column - b.column);
}
