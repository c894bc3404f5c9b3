import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { readRepoFiles } from '../../../src/verify/checks/readRepoFiles.ts';

const root = mkdtempSync(join(tmpdir(), 'read-repo-files-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const files: Record<string, string> = {
	'src/content/docs/index.mdx': 'home',
	'src/content/docs/help/faq.md': 'faq',
	'src/content/docs/notes.txt': 'not a page',
	'examples/refresh/manager.ts': 'example',
	'examples/refresh/manager.py': 'python example',
	'examples/browser-apps/nginx.conf': 'config',
	'examples/browser-apps/notes.txt': 'not an example',
	'examples/_fixtures/demo.ts': 'fixture',
	'examples/README.md': 'not an example',
	'tests/examples/refresh/manager.test.ts': 'test',
	'tests/examples/refresh/helpers.ts': 'not a test',
	'tests/examples/refresh/test_manager.py': 'python test',
	'tests/examples/refresh/conftest.py': 'not a test',
	'tests/verify/other.test.ts': 'not an example test',
};
for (const [path, source] of Object.entries(files)) {
	mkdirSync(dirname(join(root, path)), { recursive: true });
	writeFileSync(join(root, path), source);
}

describe('readRepoFiles', () => {
	test('reads pages, examples (keyed relative to examples/) and example tests', () => {
		expect(readRepoFiles(root)).toEqual({
			pages: [
				{ path: 'src/content/docs/help/faq.md', source: 'faq' },
				{ path: 'src/content/docs/index.mdx', source: 'home' },
			],
			examples: {
				'_fixtures/demo.ts': 'fixture',
				'browser-apps/nginx.conf': 'config',
				'refresh/manager.py': 'python example',
				'refresh/manager.ts': 'example',
			},
			tests: [
				{ path: 'tests/examples/refresh/manager.test.ts', source: 'test' },
				{ path: 'tests/examples/refresh/test_manager.py', source: 'python test' },
			],
		});
	});

	test('reads an empty repository as empty lists', () => {
		const empty = mkdtempSync(join(tmpdir(), 'read-repo-files-empty-'));
		try {
			expect(readRepoFiles(empty)).toEqual({ pages: [], examples: {}, tests: [] });
		} finally {
			rmSync(empty, { recursive: true, force: true });
		}
	});
});
