import { posix } from 'node:path';
import { listRegions, RegionError } from '../../site/regions.ts';
import {
	ExampleError,
	type ExampleSources,
	exampleTestPath,
	pythonSibling,
	resolveExample,
} from '../../site/resolveExample.ts';
import { readPage } from '../pages/readPage.ts';
import { pythonImports } from './pythonImports.ts';
import { type ExampleReference, readReferences } from './readReferences.ts';
import { runtimeImports } from './runtimeImports.ts';

/** What a check found wrong. */
export type FindingKind =
	| 'invalid-tag'
	| 'missing-example'
	| 'malformed-regions'
	| 'orphan-region'
	| 'missing-test'
	| 'test-not-importing';

/** One problem, located in a repository-relative file; `message` starts with `path[:line]: `. */
export interface Finding {
	kind: FindingKind;
	path: string;
	line: number | undefined;
	message: string;
}

/** Build a finding whose message is prefixed with its location. */
export function finding(
	kind: FindingKind,
	path: string,
	line: number | undefined,
	detail: string
): Finding {
	const location = line === undefined ? path : `${path}:${line}`;
	return { kind, path, line, message: `${location}: ${detail}` };
}

/** A text file, with its path relative to the repository root (always `/`-separated). */
export interface SourceFile {
	path: string;
	source: string;
}

/** Everything the example checks read, so they can run on the real repository or in memory. */
export interface RepoFiles {
	/** Pages under `src/content/docs/`. */
	pages: readonly SourceFile[];
	/** Every `examples/**\/*.ts`, `*.py` and `*.conf`, keyed relative to `examples/` (fixtures included). */
	examples: ExampleSources;
	/** Test files under `tests/examples/`: `*.test.ts` and pytest's `test_*.py`. */
	tests: readonly SourceFile[];
}

/** Whether an example (path relative to `examples/`) must be shown and tested: not a fixture. */
export function isCheckedExample(file: string): boolean {
	return !file.startsWith('_fixtures/');
}

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
		const { examples, problems } = readReferences(page);
		for (const { line, detail } of [...page.problems, ...problems]) {
			scan.findings.push(finding('invalid-tag', path, line, detail));
		}
		scan.references.push(...examples.map((reference) => ({ ...reference, page: path })));
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

/**
 * Report every region of a (non-fixture) example that no page shows, and every example whose
 * region markers are malformed. A nested region counts only if a page names it itself. A Python
 * region is shown by the `<Example>` of its TypeScript sibling's region of the same name.
 */
export function checkOrphanRegions(scan: PageScan, examples: ExampleSources): Finding[] {
	const shown = new Set(
		scan.references.flatMap(({ file, region }) => [
			`${file}#${region}`,
			`${pythonSibling(file)}#${region}`,
		])
	);
	const findings: Finding[] = [];
	for (const [file, source] of Object.entries(examples).sort(([a], [b]) => a.localeCompare(b))) {
		if (!isCheckedExample(file)) continue;
		const path = `examples/${file}`;
		try {
			for (const { name, startLine } of listRegions(source)) {
				if (shown.has(`${file}#${name}`)) continue;
				const detail = file.endsWith('.py')
					? pythonOrphanDetail(name, file, examples)
					: `region "${name}" is not shown on any page; add <Example file="${file}" region="${name}" /> to a page or delete the region`;
				findings.push(finding('orphan-region', path, startLine, detail));
			}
		} catch (error) {
			if (!(error instanceof RegionError)) throw error;
			findings.push(finding('malformed-regions', path, error.line, error.detail));
		}
	}
	return findings;
}

/** Report every non-fixture example without a `tests/examples/<same path>.test.ts` importing it. */
export function checkExampleTests(
	examples: ExampleSources,
	tests: readonly SourceFile[]
): Finding[] {
	const testsByPath = new Map(tests.map((test) => [test.path, test.source]));
	const findings: Finding[] = [];
	for (const file of Object.keys(examples).sort()) {
		if (!isCheckedExample(file)) continue;
		const path = `examples/${file}`;
		const testPath = exampleTestPath(file);
		const testSource = testsByPath.get(testPath);
		if (file.endsWith('.py')) {
			findings.push(...checkPythonTest(path, testPath, testSource));
			continue;
		}
		const specifier = posix.relative(posix.dirname(testPath), path);
		if (testSource === undefined) {
			const detail = `has no test: create ${testPath} and import '${specifier}' in it`;
			findings.push(finding('missing-test', path, undefined, detail));
		} else if (!runtimeImports(testPath, testSource).includes(path)) {
			const detail = `does not import ${path}: add import … from '${specifier}'`;
			findings.push(finding('test-not-importing', testPath, undefined, detail));
		}
	}
	return findings;
}

/** What to do about a Python region no page shows: it can only appear beside its TypeScript. */
function pythonOrphanDetail(name: string, file: string, examples: ExampleSources): string {
	const typescript = Object.keys(examples).find(
		(candidate) => candidate.endsWith('.ts') && pythonSibling(candidate) === file
	);
	const where =
		typescript === undefined
			? `no TypeScript example has this file beside it (${file.replace(/_/g, '-').replace(/\.py$/, '.ts')} would)`
			: `show region "${name}" of ${typescript} with <Example file="${typescript}" region="${name}" />, whose Python tab shows this one`;
	return `region "${name}" is not shown on any page: ${where}; or delete the region`;
}

/** A Python example's test exists and imports it by module name (the topic folders are on the path). */
function checkPythonTest(
	path: string,
	testPath: string,
	testSource: string | undefined
): Finding[] {
	const module = posix.basename(path, '.py');
	if (testSource === undefined) {
		const detail = `has no test: create ${testPath} with "from ${module} import …" in it`;
		return [finding('missing-test', path, undefined, detail)];
	}
	if (!pythonImports(testSource).includes(module)) {
		const detail = `does not import ${path}: add "from ${module} import …"`;
		return [finding('test-not-importing', testPath, undefined, detail)];
	}
	return [];
}

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
