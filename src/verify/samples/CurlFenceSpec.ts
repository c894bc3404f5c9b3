import { REQUESTABLE_SCOPES } from '../../mock/contract/scopes.ts';
import { parseFenceMeta } from './parseFenceMeta.ts';

/** What a curl fence declares in its meta: the statuses its requests get, the scopes it needs. */
export interface CurlFenceSpec {
	/** One per request the fence makes, in order: `status=201` or `status=201,401`. */
	statuses: number[];
	/** Scopes of the token pair issued for the fence: `scopes=messages:send,messages:read`. */
	scopes: string[];
}

/** The scopes a fence's tokens get when it declares none: every concrete scope. */
export const DEFAULT_FENCE_SCOPES: readonly string[] = REQUESTABLE_SCOPES.filter(
	(scope) => scope !== 'all:any'
);

/** The spec, or what is wrong with the meta. */
export type CurlFenceSpecResult =
	{ ok: true; spec: CurlFenceSpec } | { ok: false; problem: string };

/**
 * Reads a curl fence's `status=` (required: a fence that declares nothing would go unverified)
 * and `scopes=` (optional) from its meta string.
 */
export function readCurlFenceSpec(meta: string): CurlFenceSpecResult {
	const options = parseFenceMeta(meta);
	const status = options.get('status');
	if (status === undefined) {
		return {
			ok: false,
			problem:
				'curl fence declares no status: add status=<code> to the info string (```sh status=201), ' +
				'one code per request in order for several (status=201,401)',
		};
	}
	const codes = status.split(/[,\s]+/).filter((code) => code !== '');
	const bad = codes.find((code) => !/^[1-5]\d\d$/.test(code));
	if (codes.length === 0 || bad !== undefined) {
		return {
			ok: false,
			problem: `status="${status}" is not a list of HTTP status codes like 201,401`,
		};
	}
	const scopesText = options.get('scopes');
	const scopes =
		scopesText === undefined
			? [...DEFAULT_FENCE_SCOPES]
			: scopesText.split(/[,\s]+/).filter((scope) => scope !== '');
	const unknown = scopes.find(
		(scope) => !(REQUESTABLE_SCOPES as readonly string[]).includes(scope)
	);
	if (unknown !== undefined || scopes.length === 0) {
		return {
			ok: false,
			problem: `scopes="${scopesText}" names ${unknown === undefined ? 'no scope' : `unknown scope "${unknown}"`}; known: ${REQUESTABLE_SCOPES.join(', ')}`,
		};
	}
	return { ok: true, spec: { statuses: codes.map(Number), scopes } };
}
