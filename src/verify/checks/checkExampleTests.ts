import { posix } from 'node:path';
import type { ExampleSources } from '../../site/ExampleSources.ts';
import { exampleTestPath } from '../../site/exampleTestPath.ts';
import { finding, type Finding } from './Finding.ts';
import { isCheckedExample } from './isCheckedExample.ts';
import type { SourceFile } from './RepoFiles.ts';
import { runtimeImports } from './runtimeImports.ts';

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
		const specifier = posix.relative(posix.dirname(testPath), path);
		const testSource = testsByPath.get(testPath);
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
