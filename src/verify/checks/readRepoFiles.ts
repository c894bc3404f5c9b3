import { globSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import type { RepoFiles, SourceFile } from './checkExampleReferences.ts';

/** Read the pages, examples and example tests of the repository at `root` from disk. */
export function readRepoFiles(root: string): RepoFiles {
	const read = (pattern: string): SourceFile[] =>
		globSync(pattern, { cwd: root })
			.map((path) => path.split(sep).join('/'))
			.sort()
			.map((path) => ({ path, source: readFileSync(join(root, path), 'utf8') }));
	const examples = read('examples/**/*.{ts,py,conf}').map(
		({ path, source }) => [path.slice('examples/'.length), source] as const
	);
	return {
		pages: read('src/content/docs/**/*.{md,mdx}'),
		examples: Object.fromEntries(examples),
		tests: read('tests/examples/**/{*.test.ts,test_*.py}'),
	};
}
