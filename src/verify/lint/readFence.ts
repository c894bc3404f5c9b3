import type { MicromarkToken } from 'markdownlint';

/** The parts of a fenced code block's opening line that the fence rules look at. */
export type Fence = {
	/** The opening backticks or tildes, e.g. "```" or "~~~~". */
	readonly marker: MicromarkToken;
	/** The language word of the info string ("sh" in "```sh title=\"x\""), if any. */
	readonly language: MicromarkToken | undefined;
};

/** Reads the opening line of a `codeFenced` token (Expressive Code meta is a separate token). */
export function readFence(codeFenced: MicromarkToken): Fence | undefined {
	const opening = codeFenced.children.find((child) => child.type === 'codeFencedFence');
	const marker = opening?.children.find((child) => child.type === 'codeFencedFenceSequence');
	if (!opening || !marker) return undefined;
	const language = opening.children.find((child) => child.type === 'codeFencedFenceInfo');
	return { marker, language };
}
