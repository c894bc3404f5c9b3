/** A fenced code block on a page. */
export interface Fence {
	/** The language word of the info string, lower-cased (`sh` in "```sh status=201"). */
	lang: string;
	/** The rest of the info string: Expressive Code meta such as `title="x" status=201`. */
	meta: string;
	/** The block's content, without the fences and the fence's own indentation. */
	code: string;
	/** 1-based line of the opening fence. */
	line: number;
}
