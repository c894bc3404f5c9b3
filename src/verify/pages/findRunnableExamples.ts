import { exampleTags } from './exampleTags.ts';
import { ExampleTagError } from './ExampleTagError.ts';
import { findExampleReferences, type ExampleReference } from './findExampleReferences.ts';

/**
 * Every `<Example … run />` on an MDX page: the regions that get a Run panel. `run` must be a
 * bare attribute or `run={true}` / `run={false}`, so the check can be made without running the
 * page; anything else, and every tag `findExampleReferences` rejects, throws an `ExampleTagError`.
 */
export function findRunnableExamples(mdxSource: string): ExampleReference[] {
	// Validates every tag first; afterwards tags and references correspond one to one, in order.
	const references = findExampleReferences(mdxSource);
	const runnable: ExampleReference[] = [];
	let index = 0;
	for (const tag of exampleTags(mdxSource)) {
		const reference = references[index++];
		if (tag instanceof ExampleTagError || !reference) continue;
		const run = tag.attributes.get('run');
		if (run === undefined) continue;
		if (run.kind === 'boolean' || (run.kind === 'expression' && run.text === '{true}')) {
			runnable.push(reference);
		} else if (!(run.kind === 'expression' && run.text === '{false}')) {
			const written = run.kind === 'string' ? `"${run.value}"` : run.text;
			throw new ExampleTagError(
				`<Example> attribute run=${written} must be written as a bare "run" (or run={true} / run={false})`,
				tag.line
			);
		}
	}
	return runnable;
}
