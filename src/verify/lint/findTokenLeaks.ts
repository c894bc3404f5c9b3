import { type Placeholder, placeholders } from '../../mock/contract/placeholders.ts';
import { DEFAULT_ACCOUNTS } from '../../mock/auth/Account.ts';
import { findJwts } from '../../mock/tokens/jwt.ts';
import { editDistance } from '../../site/closestMatch.ts';

/** A credential-shaped piece of one line, with the instruction that fixes it. */
export type TokenLeak = {
	/** 1-based column of the first character. */
	readonly column: number;
	readonly length: number;
	/** What to write instead; never repeats the offending text, which may be a live secret. */
	readonly detail: string;
};

/** Shannon entropy of a string's character distribution, in bits per character. */
export function shannonEntropy(text: string): number {
	const counts = new Map<string, number>();
	for (const char of text) counts.set(char, (counts.get(char) ?? 0) + 1);
	let entropy = 0;
	for (const count of counts.values()) {
		const share = count / text.length;
		entropy -= share * Math.log2(share);
	}
	return entropy;
}

/** The token placeholder a line is most likely talking about, judged by the words on it. */
export function placeholderFor(line: string): Placeholder {
	if (/refresh/i.test(line)) return '<REFRESH_TOKEN>';
	if (/service/i.test(line)) return '<SERVICE_TOKEN>';
	return '<ACCESS_TOKEN>';
}

const words = (text: string): string[] =>
	text
		.toUpperCase()
		.split(/[^A-Z0-9]+/)
		.filter((word) => word !== '');

const vocabulary = (Object.keys(placeholders) as Placeholder[]).map((entry) => ({
	entry,
	nameWords: words(entry),
	meaningWords: words(placeholders[entry]),
}));

/** The entry sharing the most words with `wanted`, earlier entries winning ties; none if 0. */
function mostShared(
	wanted: readonly string[],
	wordsOf: (item: (typeof vocabulary)[number]) => readonly string[]
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

const begin = /-----BEGIN [A-Z0-9 ]+-----/;
const end = /-----END [A-Z0-9 ]+-----/;

/** A PEM block's first line (0-based index), and the lines the block covers. */
export type PemBlock = TokenLeak & {
	readonly line: number;
	readonly lines: readonly number[];
};

/**
 * PEM blocks (keys, certificates) in a run of lines. The whole block is reported once, at its
 * BEGIN line, so the base64 body does not also show up as a dozen high-entropy strings.
 */
export function findPemBlocks(lines: readonly string[]): PemBlock[] {
	const blocks: PemBlock[] = [];
	for (let index = 0; index < lines.length; index++) {
		const match = begin.exec(lines[index] ?? '');
		if (!match) continue;
		const first = index;
		// A block may sit on one line (a JSON string with \n escapes) or run to its END line; an
		// unterminated one runs to the last line.
		const rest = (lines[first] ?? '').slice(match.index + match[0].length);
		if (!end.test(rest)) {
			while (index < lines.length - 1 && !end.test(lines[index + 1] ?? '')) index++;
			index = Math.min(index + 1, lines.length - 1);
		}
		blocks.push({
			line: first,
			lines: Array.from({ length: index - first + 1 }, (_, offset) => first + offset),
			column: match.index + 1,
			length: match[0].length,
			detail:
				`PEM block (${match[0]}): keys never appear on pages; delete it and link the JWKS ` +
				'endpoint (GET <API_BASE_URL>/3rdparty/v1/auth/jwks) instead',
		});
	}
	return blocks;
}

type Groups = Readonly<Record<string, string | undefined>>;

/** A place in a sample where a credential goes, and the placeholders allowed there. */
type Slot = {
	/** Captures the credential as group `value`; other groups name the slot (`scheme`, `key`). */
	readonly pattern: RegExp;
	readonly accepts: (groups: Groups) => readonly string[];
	/** The text to write instead, for the message. */
	readonly fix: (groups: Groups, line: string) => string;
};

const fieldPlaceholders: Readonly<Record<string, readonly [Placeholder, ...Placeholder[]]>> = {
	access_token: ['<ACCESS_TOKEN>'],
	refresh_token: ['<REFRESH_TOKEN>'],
	// Only service-token responses have a bare "token" field.
	token: ['<SERVICE_TOKEN>', '<ACCESS_TOKEN>', '<REFRESH_TOKEN>'],
	password: ['<PASSWORD>'],
};
const fieldAccepts = (groups: Groups) => fieldPlaceholders[groups['key'] ?? ''] ?? [];

/**
 * A shell variable reference (`$ACCESS_TOKEN`, `${ACCESS_TOKEN}`): what a runnable shell block
 * writes where a credential goes. The text holds no secret; the value is captured at run time.
 */
const SHELL_VARIABLE = /^\$(?:[A-Za-z_]\w*|\{[A-Za-z_]\w*\})$/;
const isShellVariable = (value: string) => SHELL_VARIABLE.test(value);

/** The local mock's demo passwords: the only passwords a shell block may write as defaults. */
const DEMO_PASSWORDS: ReadonlySet<string> = new Set(
	DEFAULT_ACCOUNTS.map((account) => account.password)
);

/**
 * What a shell variable holding a token or password may be set to: a command's output
 * (`$(curl … | jq -r .access_token)`), another variable, a demo password of the local mock, or
 * itself with one as the default (`${API_PASSWORD:-demo-password}`). Never another literal.
 */
function isSafeShellValue(value: string): boolean {
	if (value.startsWith('$(') || isShellVariable(value) || DEMO_PASSWORDS.has(value)) return true;
	const fallback = /^\$\{[A-Za-z_]\w*:-(?<default>[^}]*)\}$/.exec(value)?.groups?.['default'];
	return fallback !== undefined && (fallback === '' || DEMO_PASSWORDS.has(fallback));
}

/** The fix for a shell variable set to a literal credential. */
function shellValueFix(key: string): string {
	return /password/i.test(key)
		? `${key}=\${${key}:-demo-password} (the local mock's demo password; a reader exports a real one)`
		: `${key}=$(curl … | jq -r .access_token), captured from the answer that carries the token`;
}

const fieldFix = (groups: Groups) => fieldPlaceholders[groups['key'] ?? '']?.[0] ?? '';
const isBasic = (groups: Groups) => groups['scheme']?.toLowerCase() === 'basic';

const slots: readonly Slot[] = [
	{
		// `Authorization: Bearer x` in HTTP, curl -H, JSON ("Authorization": "Bearer x") and JS.
		pattern:
			/\bAuthorization['"`]?\s*:\s*['"`]?(?<scheme>Bearer|Basic)[ \t]+(?<value>[^\s'"`,;)}\]]+)/dgi,
		accepts: (groups) =>
			isBasic(groups)
				? ['<BASIC_CREDENTIALS>']
				: ['<ACCESS_TOKEN>', '<REFRESH_TOKEN>', '<SERVICE_TOKEN>'],
		fix: (groups, line) =>
			isBasic(groups)
				? '"Authorization: Basic <BASIC_CREDENTIALS>" (base64 of <USERNAME>:<PASSWORD>)'
				: `"Authorization: Bearer ${placeholderFor(line)}"`,
	},
	{
		// Credential fields of JSON request and response bodies.
		pattern: /"(?<key>access_token|refresh_token|token|password)"\s*:\s*"(?<value>[^"]*)"/dg,
		accepts: fieldAccepts,
		fix: (groups) => `"${groups['key']}": "${fieldFix(groups)}"`,
	},
	{
		// Cookies and query strings; an empty value (clearing the cookie) is fine.
		pattern: /\b(?<key>access_token|refresh_token)=(?<value>[^\s&;'"`]+)/dg,
		accepts: fieldAccepts,
		fix: (groups) => `${groups['key']}=${fieldFix(groups)}`,
	},
	{
		// Python requests' Basic credentials: auth=("user", "password").
		pattern:
			/\bauth\s*=\s*\(\s*(?<q>['"])[^'"]*\k<q>\s*,\s*(?<q2>['"])(?<value>[^'"]*)\k<q2>\s*\)/dg,
		accepts: () => ['<PASSWORD>'],
		fix: () => 'auth=("<USERNAME>", "<PASSWORD>")',
	},
	{
		// curl's -u/--user user:password (the colon tells it from `git push -u origin`).
		pattern: /(?<=^|\s)(?:-u|--user)(?:\s+|=)(?<q>['"]?)(?<value>[^\s'"]*:[^\s'"]*)\k<q>/dg,
		accepts: (groups) => {
			const [user = '', password = ''] = (groups['value'] ?? '').split(':');
			return isShellVariable(user) && isShellVariable(password)
				? [groups['value'] ?? '']
				: ['<USERNAME>:<PASSWORD>'];
		},
		fix: () =>
			'-u "$API_USERNAME:$API_PASSWORD" in a shell block, -u \'<USERNAME>:<PASSWORD>\' elsewhere',
	},
	{
		// A shell variable named for a token or a password, set at the top of a runnable block.
		pattern:
			/(?<=^|[\s;(])(?<key>[A-Za-z_]\w*(?:TOKEN|PASSWORD|token|password))=(?<value>[^\s;]+)/dg,
		accepts: (groups) => (isSafeShellValue(groups['value'] ?? '') ? [groups['value'] ?? ''] : []),
		fix: (groups) => shellValueFix(groups['key'] ?? ''),
	},
];

/**
 * Credentials written into the places that carry them (Authorization headers, JSON credential
 * fields, token cookies, curl -u) where the value is not the right vocabulary placeholder.
 */
export function findCredentialSlots(line: string): TokenLeak[] {
	const leaks: TokenLeak[] = [];
	for (const slot of slots) {
		for (const match of line.matchAll(slot.pattern)) {
			const groups: Groups = match.groups ?? {};
			const value = groups['value'] ?? '';
			// An empty value leaks nothing, a JS template literal (`Bearer ${token}`) or a Python
			// f-string (f"Bearer {token}") computes it, and a shell variable (`Bearer $ACCESS_TOKEN`)
			// is filled at run time.
			if (value === '' || isShellVariable(value) || slot.accepts(groups).includes(value)) continue;
			if (/^\{\w+\}$/.test(value)) continue;
			if (value.startsWith('${') && !groups['key']?.match(/TOKEN|PASSWORD/i)) continue;
			const [start, end] = match.indices?.groups?.['value'] ?? [0, 0];
			leaks.push({
				column: start + 1,
				length: end - start,
				detail: `Credential written as a literal: write ${slot.fix(groups, line)} instead`,
			});
		}
	}
	return leaks;
}

// <UPPER_SNAKE> of two or more characters (so `Promise<T>` is not one), or <lower_snake> with an
// underscore (so HTML tags such as <div> are not).
const placeholderShape = /<(?:[A-Z][A-Z0-9_]*[A-Z0-9]|[a-z][a-z0-9]*(?:_[a-z0-9]+)+)>/g;

/** Angle-bracket placeholders on a line that are not in the vocabulary of placeholders.ts. */
export function findUnknownPlaceholders(line: string): TokenLeak[] {
	return [...line.matchAll(placeholderShape)]
		.filter((match) => !Object.hasOwn(placeholders, match[0]))
		.map((match) => {
			const [name] = match;
			const nearest = nearestPlaceholder(name);
			return {
				column: match.index + 1,
				length: name.length,
				detail: `Placeholder ${name} is not in the vocabulary: write ${nearest} instead`,
			};
		});
}

const minimumLength = 32;

// Runs of base64 / base64url characters; URLs, dates and scopes break at ':', '.', '?', '=' etc.
const run = /[A-Za-z0-9+/_-]+/g;
const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/**
 * Share of a string made of word-like stretches ("Refresh", "token"). Identifiers and paths are
 * mostly words (≥ 0.75 in our samples); random base64 rarely is (< 0.5 for 99% of 32-char keys).
 */
function wordShare(text: string): number {
	let covered = 0;
	for (const word of text.matchAll(/[A-Z]?[a-z]{3,}/g)) covered += word[0].length;
	return covered / text.length;
}

/** Whether a string looks like a random secret rather than an identifier or a path. */
function looksRandom(text: string): boolean {
	if (text.length < minimumLength) return false;
	if (/^[0-9a-f]+$/i.test(text)) {
		// Hex keys: 32 random hex characters measure ≥ 3.1 bits per character 99.9% of the time.
		return /\d/.test(text) && /[a-f]/i.test(text) && shannonEntropy(text) >= 3;
	}
	// Base64 keys mix all three character classes; UPPER_SNAKE constants and slugs do not.
	const mixed = /\d/.test(text) && /[a-z]/.test(text) && /[A-Z]/.test(text);
	return mixed && wordShare(text) < 0.5 && shannonEntropy(text) >= 3.8;
}

/**
 * Long random-looking strings (API keys, signatures, base64 key material) on a line. UUIDs are ids,
 * not secrets, and are left alone; a path is judged segment by segment and whole, so a key inside
 * a URL is found and a base64 key containing '/' is too.
 */
export function findHighEntropyStrings(line: string): TokenLeak[] {
	const leaks: TokenLeak[] = [];
	// UUIDs are ids and `$NAME` is a shell variable: neither is a secret, so neither is judged.
	const text = line
		.replace(uuid, (id) => ' '.repeat(id.length))
		.replace(/\$\{?[A-Za-z_]\w*/g, (name) => ' '.repeat(name.length));
	for (const match of text.matchAll(run)) {
		// Segments first, to point at the key itself; then the whole run, for base64 with '/'.
		const candidates: { offset: number; value: string }[] = [];
		let offset = 0;
		for (const segment of match[0].split('/')) {
			candidates.push({ offset, value: segment });
			offset += segment.length + 1;
		}
		candidates.push({ offset: 0, value: match[0] });
		const found = candidates.find((candidate) => looksRandom(candidate.value));
		if (!found) continue;
		leaks.push({
			column: match.index + found.offset + 1,
			length: found.value.length,
			detail:
				`High-entropy string (${found.value.length} characters) looks like a secret: ` +
				`write ${placeholderFor(line)} instead (if it is not a credential, shorten it)`,
		});
	}
	return leaks;
}

/** JWT-shaped strings on a line, complete or truncated. */
function findJwtLeaks(line: string): TokenLeak[] {
	return findJwts(line).map(({ index, token }) => ({
		column: index + 1,
		length: token.length,
		detail: `JWT-shaped string: write ${placeholderFor(line)} instead`,
	}));
}

// Most specific first: where two findings overlap (`Bearer eyJ…` is both a JWT and a literal
// credential) only the first is kept, so each leak gets one message.
const detectors = [
	findJwtLeaks,
	findCredentialSlots,
	findUnknownPlaceholders,
	findHighEntropyStrings,
];

/** Every token leak on one line, one finding per stretch of text, left to right. */
export function findTokenLeaks(line: string): TokenLeak[] {
	const kept: TokenLeak[] = [];
	for (const detect of detectors) {
		for (const leak of detect(line)) {
			const overlaps = kept.some(
				(other) =>
					leak.column < other.column + other.length && other.column < leak.column + leak.length
			);
			if (!overlaps) kept.push(leak);
		}
	}
	return kept.sort((a, b) => a.column - b.column);
}
