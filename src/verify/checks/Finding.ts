/** What a check found wrong. */
export type FindingKind =
	| 'invalid-tag'
	| 'missing-example'
	| 'malformed-regions'
	| 'orphan-region'
	| 'missing-test'
	| 'test-not-importing';

/** One problem, located in a repository-relative file; `message` starts with `path[:line]: `. */
export interface Finding {
	kind: FindingKind;
	path: string;
	line: number | undefined;
	message: string;
}

/** Build a finding whose message is prefixed with its location. */
export function finding(
	kind: FindingKind,
	path: string,
	line: number | undefined,
	detail: string
): Finding {
	const location = line === undefined ? path : `${path}:${line}`;
	return { kind, path, line, message: `${location}: ${detail}` };
}
