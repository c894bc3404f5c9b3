import { globSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { BEHAVIOUR, type BehaviourCase, testFileOf } from '../../data/behaviour.ts';
import { resolvePromiseTest } from '../../site/promiseTest.ts';
import { readPage } from '../pages/readPage.ts';
import type { SourceFile } from './checkExampleReferences.ts';

/** One promise without its test: where, and what to fix. `message` starts with `path[:line]: `. */
export interface PromiseFinding {
	path: string;
	line: number | undefined;
	message: string;
}

/** What the check reads: the pages, every test file, and the behaviour cases. */
export interface PromiseFiles {
	pages: readonly SourceFile[];
	/** Every `tests/**\/*.test.ts`, by repository-relative path. */
	tests: readonly SourceFile[];
	cases?: readonly BehaviourCase[];
}

/**
 * Every behaviour case must be run by its test file (`behaviour('<id>'`), and every
 * `<Promised test="…">` on a page must name a case or a test that exists (`<file> > <title>`,
 * the title a string literal of that file). A `<Behaviour example>` must have rows.
 */
export function checkPromises(files: PromiseFiles): PromiseFinding[] {
	const cases = files.cases ?? BEHAVIOUR;
	const tests = new Map(files.tests.map((file) => [file.path, file.source]));
	const findings: PromiseFinding[] = [];
	const report = (path: string, line: number | undefined, detail: string) =>
		findings.push({
			path,
			line,
			message: `${line === undefined ? path : `${path}:${line}`}: ${detail}`,
		});

	for (const entry of cases) {
		const file = testFileOf(entry);
		const source = tests.get(file);
		if (source === undefined) {
			report('src/data/behaviour.ts', undefined, `case "${entry.id}": no test file ${file}`);
		} else if (!new RegExp(`behaviour\\(\\s*['"\`]${escape(entry.id)}['"\`]`).test(source)) {
			report(file, undefined, `no behaviour('${entry.id}', …) test for the case "${entry.id}"`);
		}
	}

	for (const { path, source } of files.pages) {
		for (const element of readPage(path, source).elements) {
			const component = element.source?.split('/').at(-1);
			const line = element.start.line;
			if (component === 'Promised.astro') {
				const test = element.attributes.get('test');
				if (test?.kind !== 'string' || test.value.trim() === '') {
					report(path, line, '<Promised> needs test="<case id>" or test="<file> > <title>"');
					continue;
				}
				try {
					const { file, title, caseId } = resolvePromiseTest(test.value, cases);
					const testSource = tests.get(file);
					if (testSource === undefined) report(path, line, `<Promised>: no test file ${file}`);
					else if (caseId === undefined && !hasTitle(testSource, title)) {
						report(path, line, `<Promised>: ${file} has no test titled "${title}"`);
					}
				} catch (error) {
					report(path, line, `<Promised>: ${(error as Error).message}`);
				}
			} else if (component === 'Behaviour.astro') {
				const example = element.attributes.get('example');
				const value = example?.kind === 'string' ? example.value : '';
				if (!cases.some((entry) => entry.example === value)) {
					report(path, line, `<Behaviour example="${value}">: no case in src/data/behaviour.ts`);
				}
			}
		}
	}
	return findings;
}

function escape(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether `source` holds `title` as a string literal (a test's title). */
function hasTitle(source: string, title: string): boolean {
	return ["'", '"', '`'].some((quote) => source.includes(`${quote}${title}${quote}`));
}

/** Reads the pages and every test file of the repository at `root`. */
export function readPromiseFiles(root: string): PromiseFiles {
	const read = (pattern: string): SourceFile[] =>
		globSync(pattern, { cwd: root })
			.map((path) => path.split(sep).join('/'))
			.sort()
			.map((path) => ({ path, source: readFileSync(join(root, path), 'utf8') }));
	return { pages: read('src/content/docs/**/*.{md,mdx}'), tests: read('tests/**/*.test.ts') };
}
