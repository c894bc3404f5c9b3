/** Remove the indentation common to all non-blank lines; whitespace-only lines become empty. */
export function dedent(lines: readonly string[]): string[] {
	let common: string | undefined;
	for (const line of lines) {
		if (line.trim() === '') continue;
		const indent = /^[ \t]*/.exec(line)?.[0] ?? '';
		common = common === undefined ? indent : commonPrefix(common, indent);
	}
	const width = common?.length ?? 0;
	return lines.map((line) => (line.trim() === '' ? '' : line.slice(width)));
}

// Compared character by character so a tab never counts as a space.
function commonPrefix(a: string, b: string): string {
	let length = 0;
	while (length < a.length && length < b.length && a[length] === b[length]) length++;
	return a.slice(0, length);
}
