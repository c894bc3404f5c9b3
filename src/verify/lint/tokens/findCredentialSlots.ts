import type { Placeholder } from '../../../mock/contract/placeholders.ts';
import type { TokenLeak } from './TokenLeak.ts';
import { placeholderFor } from './placeholderFor.ts';

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
		// curl's -u/--user user:password (the colon tells it from `git push -u origin`).
		pattern: /(?<=^|\s)(?:-u|--user)(?:\s+|=)(?<q>['"]?)(?<value>[^\s'"]*:[^\s'"]*)\k<q>/dg,
		accepts: () => ['<USERNAME>:<PASSWORD>'],
		fix: () => "-u '<USERNAME>:<PASSWORD>'",
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
			// An empty value leaks nothing, and a JS template literal (`Bearer ${token}`) computes it.
			if (value === '' || value.startsWith('${') || slot.accepts(groups).includes(value)) continue;
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
