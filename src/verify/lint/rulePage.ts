import path from 'node:path';
import type { RuleParams } from 'markdownlint';
import { readPage, type Fence, type Page } from '../pages/readPage.ts';

let last: { name: string; content: string; page: Page } | undefined;

/**
 * The page a rule checks, read by the page model (the parser the site renders with). markdownlint
 * gives rules the lines after the front matter, so the page's line numbers are the rule's. The
 * last page is kept: every project rule of one file reads it once.
 */
export function rulePage(params: RuleParams): Page {
	const content = params.lines.join('\n');
	if (last?.name !== params.name || last.content !== content) {
		last = { name: params.name, content, page: readPage(params.name, content) };
	}
	return last.page;
}

/** The column and length of a fence's opening marker (``` or ~~~) and of its language word. */
export function fenceOpening(
	params: RuleParams,
	fence: Fence
): { marker: [number, number]; language: [number, number] | undefined } {
	const line = params.lines[fence.line - 1] ?? '';
	const start = fence.start.column - 1;
	let end = start;
	while (line[end] === line[start]) end++;
	const marker: [number, number] = [start + 1, end - start];
	if (fence.lang === '') return { marker, language: undefined };
	const at = line.indexOf(fence.lang, end);
	return { marker, language: at === -1 ? undefined : [at + 1, fence.lang.length] };
}

/** Reads `include` (globs of the files a rule checks) from a rule's config. */
export function readInclude(rule: string, config: unknown): readonly string[] | undefined {
	if (typeof config !== 'object' || config === null || !('include' in config)) return undefined;
	const { include } = config;
	if (!Array.isArray(include) || !include.every((item) => typeof item === 'string')) {
		throw new Error(`${rule} config: "include" must be an array of glob strings`);
	}
	return include;
}

/**
 * Whether a rule scoped with `include` globs (relative to the working directory, where
 * markdownlint-cli2 runs) applies to the file `name`. No `include` means every file.
 */
export function appliesTo(name: string, include: readonly string[] | undefined): boolean {
	if (include === undefined) return true;
	const relative = path.isAbsolute(name) ? path.relative(process.cwd(), name) : name;
	const posix = relative.split(path.sep).join('/');
	return include.some((glob) => path.matchesGlob(posix, glob));
}
