/**
 * Blank out the parts of an MDX page where a tag is not a component: front matter, fenced code,
 * inline code spans and `{/* comments *\/}`. Every masked character becomes a space and newlines
 * are kept, so offsets and line numbers still match the original source.
 */
export function maskNonJsx(source: string): string {
	// UTF-16 units, not code points, so indices agree with RegExp match indices.
	const chars = source.split('');
	const mask = (start: number, end: number) => {
		for (let i = start; i < end; i++) if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = ' ';
	};
	const text = chars.join('');

	const frontMatter = /^---\r?\n[\s\S]*?\r?\n---(?=\r?\n|$)/.exec(text);
	if (frontMatter) mask(0, frontMatter[0].length);

	// MDX turns off indented code, so a fence may be indented by any amount (e.g. inside <TabItem>).
	let fence: { char: string; length: number; start: number } | undefined;
	let offset = 0;
	for (const line of text.split('\n')) {
		const marker = /^\s*(`{3,}|~{3,})(.*?)\r?$/.exec(line);
		if (fence) {
			const closes =
				marker?.[1]?.[0] === fence.char &&
				marker[1].length >= fence.length &&
				(marker[2] ?? '').trim() === '';
			if (closes) {
				mask(fence.start, offset + line.length);
				fence = undefined;
			}
		} else if (marker?.[1] && !(marker[1][0] === '`' && (marker[2] ?? '').includes('`'))) {
			fence = { char: marker[1][0] ?? '`', length: marker[1].length, start: offset };
		}
		offset += line.length + 1;
	}
	// An unclosed fence runs to the end of the document, as in CommonMark.
	if (fence) mask(fence.start, text.length);

	const masked = chars.join('');
	for (const match of masked.matchAll(/\{\s*\/\*[\s\S]*?\*\/\s*\}/g)) {
		mask(match.index, match.index + match[0].length);
	}
	for (const match of chars.join('').matchAll(/(?<!`)(`+)(?!`)[^\n]*?(?<!`)\1(?!`)/g)) {
		mask(match.index, match.index + match[0].length);
	}
	return chars.join('');
}
