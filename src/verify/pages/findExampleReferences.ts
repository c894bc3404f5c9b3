import { scanExampleTags, type ExampleReference } from './scanExampleTags.ts';

export type { ExampleReference } from './scanExampleTags.ts';

/**
 * Find every `<Example>` component on an MDX page. `file` and `region` must be string literals
 * so the references can be checked without running the page; the first tag that breaks this
 * throws an `ExampleTagError` with its line number (use `scanExampleTags` to get all of them).
 */
export function findExampleReferences(mdxSource: string): ExampleReference[] {
	const { references, errors } = scanExampleTags(mdxSource);
	const [first] = errors.sort((a, b) => a.line - b.line);
	if (first) throw first;
	return references;
}
