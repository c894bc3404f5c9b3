import { checkExampleTests } from './checkExampleTests.ts';
import { checkOrphanRegions } from './checkOrphanRegions.ts';
import { checkPageReferences, scanPages } from './checkPageReferences.ts';
import type { Finding } from './Finding.ts';
import type { RepoFiles } from './RepoFiles.ts';

/**
 * Run every static check linking pages, examples and tests: each `<Example>` resolves, each
 * region is shown somewhere, each example has a test that imports it. Empty means all good.
 */
export function checkExampleReferences({ pages, examples, tests }: RepoFiles): Finding[] {
	const scan = scanPages(pages);
	return [
		...scan.findings,
		...checkPageReferences(scan, examples),
		...checkOrphanRegions(scan, examples),
		...checkExampleTests(examples, tests),
	];
}
