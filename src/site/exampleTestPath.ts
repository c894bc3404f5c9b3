/** The test that must import and run an example: `a/b.ts` → `tests/examples/a/b.test.ts`. */
export function exampleTestPath(file: string): string {
	return `tests/examples/${file.replace(/\.ts$/, '')}.test.ts`;
}
