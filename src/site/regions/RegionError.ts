/** Error raised for any malformed, missing or empty `#region` in an example source. */
export class RegionError extends Error {
	/** 1-based line the problem was found on, when it belongs to one line. */
	readonly line: number | undefined;
	/** The message without the `line N:` prefix, so callers can prefix their own `file:line`. */
	readonly detail: string;

	constructor(detail: string, line?: number) {
		super(line === undefined ? detail : `line ${line}: ${detail}`);
		this.name = 'RegionError';
		this.line = line;
		this.detail = detail;
	}
}
