import { replaceJwts } from '../../mock/tokens/jwt.ts';
import type { TokenNames } from './TokenNames.ts';

/** What stands in for a JWT-shaped string the runner did not see being issued. */
export const UNKNOWN_TOKEN = '‹unrecognised token›';

// A segment shorter than this could be an ordinary word; the ones that matter (payloads and
// ES256 signatures) are far longer.
const MIN_SEGMENT = 16;

/**
 * Replaces every credential in a text shown by the runner: tokens by their names (unknown ones
 * by `‹unrecognised token›`), stray pieces of a known token (a signature on its own), Basic
 * credentials, token cookies and passwords in JSON. Whatever a reader copies from the output
 * cannot be used as a credential anywhere.
 */
export function redact(text: string, names: TokenNames): string {
	let result = text;
	for (const token of names.tokens()) {
		result = result.replaceAll(token, names.nameOf(token) ?? UNKNOWN_TOKEN);
	}
	result = replaceJwts(result, (token) => names.nameOf(token) ?? UNKNOWN_TOKEN);
	for (const token of names.tokens()) {
		for (const segment of token.split('.').slice(1)) {
			if (segment.length >= MIN_SEGMENT) result = result.replaceAll(segment, '‹part of a token›');
		}
	}
	return result
		.replace(
			/\b(Basic)(\s+)([A-Za-z0-9+/]+={0,2})/gi,
			(_, scheme: string, space: string, value: string) => `${scheme}${space}${basicName(value)}`
		)
		.replace(/\b((?:access|refresh)_token)=(?!‹)[^;\s"',&]+/g, '$1=‹token›')
		.replace(/("password"\s*:\s*")(?:[^"\\]|\\.)*(")/g, '$1‹password›$2');
}

function basicName(value: string): string {
	try {
		const decoded = atob(value);
		const colon = decoded.indexOf(':');
		if (colon > 0 && /^[\x20-\x7e]+$/.test(decoded)) {
			// The username is shown so readers can tell accounts apart; the password never is.
			const user = replaceJwts(decoded.slice(0, Math.min(colon, 40)), () => UNKNOWN_TOKEN);
			return `‹credentials of ${user}›`;
		}
	} catch {
		// Not base64: still a credential, just not one we can describe.
	}
	return '‹credentials›';
}
