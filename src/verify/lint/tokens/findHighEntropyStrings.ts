import type { TokenLeak } from './TokenLeak.ts';
import { placeholderFor } from './placeholderFor.ts';
import { shannonEntropy } from './shannonEntropy.ts';

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
	const text = line.replace(uuid, (id) => ' '.repeat(id.length));
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
