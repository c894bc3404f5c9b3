/**
 * Every example names its page with `@see /path/` (JSDoc; `# @see /path/` in a configuration
 * file), and that page must exist and show the example: the link from code to prose cannot rot,
 * in either direction.
 */
import { existsSync, globSync, readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { readReferences } from '../../src/verify/checks/readReferences.ts';
import { readPage } from '../../src/verify/pages/readPage.ts';

const examples = globSync('examples/**/*.{ts,conf}').filter(
	(file) => !file.startsWith('examples/_fixtures/')
);

test('there are examples to check', () => {
	expect(examples.length).toBeGreaterThan(10);
});

test.each(examples)('%s names a page that shows it', (file) => {
	const source = readFileSync(file, 'utf8');
	const see = /@see (\/[a-z0-9/-]+\/)/.exec(source)?.[1];
	expect(see, `${file} has no "@see /page/path/" in its header comment`).toBeDefined();
	const page = `src/content/docs${see!.replace(/\/$/, '')}.mdx`;
	expect(existsSync(page), `${file}: @see ${see} but ${page} does not exist`).toBe(true);
	const shown = readReferences(readPage(page, readFileSync(page, 'utf8'))).examples.map(
		(reference) => reference.file
	);
	expect(shown, `${page} shows no region of ${file}`).toContain(file.replace(/^examples\//, ''));
});
