/** A credential-shaped piece of one line, with the instruction that fixes it. */
export type TokenLeak = {
	/** 1-based column of the first character. */
	readonly column: number;
	readonly length: number;
	/** What to write instead; never repeats the offending text, which may be a live secret. */
	readonly detail: string;
};
