import { ExampleError } from '../../site/ExampleError.ts';
import type { ExampleSources } from '../../site/ExampleSources.ts';
import { resolveExample } from '../../site/resolveExample.ts';
import { readPage, type ExampleReference } from '../pages/readPage.ts';
import { finding, type Finding } from './Finding.ts';
import type { SourceFile } from './RepoFiles.ts';

/** The references found on every page, plus findings for pages whose tags cannot be read. */
export interface PageScan {
	references: (ExampleReference & { page: string })[];
	findings: Finding[];
}

/** Read every page's `<Example>` tags, reporting each tag that is not statically checkable. */
export function scanPages(pages: readonly SourceFile[]): PageScan {
	const scan: PageScan = { references: [], findings: [] };
	for (const { path, source } of pages) {
		const page = readPage(path, source);
		for (const { line, detail } of page.problems) {
			scan.findings.push(finding('invalid-tag', path, line, detail));
		}
		scan.references.push(...page.examples.map((reference) => ({ ...reference, page: path })));
	}
	return scan;
}

/** Report every `<Example>` whose file or region does not exist (same message as the build). */
export function checkPageReferences(scan: PageScan, examples: ExampleSources): Finding[] {
	const findings: Finding[] = [];
	for (const { page, line, file, region } of scan.references) {
		try {
			resolveExample({ page: `${page}:${line}`, file, region, sources: examples });
		} catch (error) {
			if (!(error instanceof ExampleError)) throw error;
			findings.push({ kind: 'missing-example', path: page, line, message: error.message });
		}
	}
	return findings;
}
