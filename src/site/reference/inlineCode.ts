/** A piece of prose split at backticks: odd pieces are code. */
export interface TextPiece {
	text: string;
	code: boolean;
}

/** Splits prose with `backtick` code spans so a component can render them as `<code>`. */
export function inlineCode(text: string): TextPiece[] {
	return text
		.split('`')
		.map((piece, index) => ({ text: piece, code: index % 2 === 1 }))
		.filter((piece) => piece.text !== '');
}
