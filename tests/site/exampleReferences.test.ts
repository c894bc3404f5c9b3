import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import {
	checkExampleReferences,
	type FindingKind,
	isCheckedExample,
} from '../../src/verify/checks/checkExampleReferences.ts';
import { readRepoFiles } from '../../src/verify/checks/readRepoFiles.ts';
import { EXAMPLE_LANGUAGES, exampleTestPath } from '../../src/site/resolveExample.ts';

// The checks themselves are unit-tested with defective inputs in tests/verify/checks/; this file
// runs them over the real repository.
const root = fileURLToPath(new URL('../../', import.meta.url));
const files = readRepoFiles(root);
const findings = checkExampleReferences(files);
const checkedExamples = Object.keys(files.examples).filter(isCheckedExample).sort();

const messages = (paths: readonly string[], kinds: readonly FindingKind[]) =>
	findings.filter((f) => paths.includes(f.path) && kinds.includes(f.kind)).map((f) => f.message);

// Listed without the glob readRepoFiles uses, so a scan that silently finds nothing fails.
const examplesDir = fileURLToPath(new URL('../../examples/', import.meta.url));
const examplesOnDisk = existsSync(examplesDir)
	? readdirSync(examplesDir, { recursive: true, encoding: 'utf8' })
			.map((path) => path.replaceAll('\\', '/'))
			.filter(
				(path) =>
					Object.keys(EXAMPLE_LANGUAGES).some((extension) => path.endsWith(`.${extension}`)) &&
					isCheckedExample(path)
			)
			.sort()
	: [];

describe('repository scan', () => {
	test('finds the home page', () => {
		expect(files.pages.map((page) => page.path)).toContain('src/content/docs/index.mdx');
	});

	test('sees every example file on disk (fixtures excluded)', () => {
		expect(checkedExamples).toEqual(examplesOnDisk);
	});

	test('finds nothing wrong anywhere', () => {
		expect(findings.map((finding) => finding.message)).toEqual([]);
	});
});

describe.each(files.pages)('page $path', ({ path }) => {
	test('every <Example> uses string literals and resolves to an existing file and region', () => {
		expect(messages([path], ['invalid-tag', 'missing-example'])).toEqual([]);
	});
});

describe('examples', () => {
	if (checkedExamples.length === 0) {
		// Until the first example lands there is nothing to orphan or leave untested; say so.
		test('there are none yet, so no region can be orphaned or untested', () => {
			expect(examplesOnDisk).toEqual([]);
			expect(findings.filter((finding) => finding.path.startsWith('examples/'))).toEqual([]);
		});
	}

	describe.each(checkedExamples)('examples/%s', (file) => {
		const path = `examples/${file}`;

		test('every region is well-formed and shown on at least one page', () => {
			expect(messages([path], ['malformed-regions', 'orphan-region'])).toEqual([]);
		});

		test(`is imported by ${exampleTestPath(file)}`, () => {
			const testPath = exampleTestPath(file);
			expect(messages([path, testPath], ['missing-test', 'test-not-importing'])).toEqual([]);
		});
	});
});
