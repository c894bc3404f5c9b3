/** Error raised when an `<Example>` tag on a page cannot be checked statically. */
export class ExampleTagError extends Error {
	/** 1-based line of the page the problem is on. */
	readonly line: number;
	/** The message without the `line N:` prefix, so callers can prefix their own `page:line`. */
	readonly detail: string;

	constructor(detail: string, line: number) {
		super(`line ${line}: ${detail}`);
		this.name = 'ExampleTagError';
		this.line = line;
		this.detail = detail;
	}
}
