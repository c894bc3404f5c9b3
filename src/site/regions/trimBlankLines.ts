/** Drop blank (empty or whitespace-only) lines from the start and end of a list of lines. */
export function trimBlankLines(lines: readonly string[]): string[] {
	let start = 0;
	let end = lines.length;
	while (start < end && lines[start]?.trim() === '') start++;
	while (end > start && lines[end - 1]?.trim() === '') end--;
	return lines.slice(start, end);
}
