import type { Fence } from './Fence.ts';

const OPENING = /^([ \t]*)(`{3,}|~{3,})[ \t]*([^\s`]*)[ \t]*(.*)$/;

/**
 * Every fenced code block of a Markdown/MDX page, CommonMark-style: a fence closes on the same
 * character repeated at least as often, and an unclosed fence runs to the end of the page. MDX
 * has no indented code, so a fence may sit at any indentation (inside `<TabItem>`); that
 * indentation is removed from its lines. Front matter is skipped.
 */
export function findFences(source: string): Fence[] {
	const lines = source.split(/\r?\n/);
	const fences: Fence[] = [];
	let index = frontMatterEnd(lines);
	while (index < lines.length) {
		const match = OPENING.exec(lines[index] ?? '');
		const marker = match?.[2];
		// A backtick fence's info string cannot contain a backtick (that is inline code).
		if (!match || !marker || (marker.startsWith('`') && (match[4] ?? '').includes('`'))) {
			index++;
			continue;
		}
		const indent = match[1] ?? '';
		const start = index;
		const body: string[] = [];
		index++;
		while (index < lines.length && !closes(lines[index] ?? '', marker)) {
			const line = lines[index] ?? '';
			body.push(line.startsWith(indent) ? line.slice(indent.length) : line.trimStart());
			index++;
		}
		index++;
		fences.push({
			lang: (match[3] ?? '').toLowerCase(),
			meta: (match[4] ?? '').trim(),
			code: body.join('\n'),
			line: start + 1,
		});
	}
	return fences;
}

function closes(line: string, marker: string): boolean {
	const match = /^[ \t]*(`{3,}|~{3,})[ \t]*$/.exec(line);
	const closing = match?.[1];
	return closing !== undefined && closing[0] === marker[0] && closing.length >= marker.length;
}

function frontMatterEnd(lines: readonly string[]): number {
	if (lines[0] !== '---') return 0;
	const end = lines.indexOf('---', 1);
	return end === -1 ? 0 : end + 1;
}
