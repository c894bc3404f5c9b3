import { ExampleTagError } from './ExampleTagError.ts';
import { lineAt } from './lineAt.ts';
import { maskNonJsx } from './maskNonJsx.ts';
import { parseTagAttributes, type AttributeValue } from './parseTagAttributes.ts';

/** One `<Example>` opening tag on a page, with its attributes as written; `line` is 1-based. */
export interface ExampleTag {
	line: number;
	attributes: Map<string, AttributeValue>;
}

/**
 * Every `<Example>` tag on an MDX page, in document order (ignoring code blocks, inline code and
 * MDX comments), or the `ExampleTagError` of a tag whose attributes cannot be read.
 */
export function* exampleTags(mdxSource: string): Generator<ExampleTag | ExampleTagError> {
	const masked = maskNonJsx(mdxSource);
	for (const match of masked.matchAll(/<Example(?=[\s/>])/g)) {
		const line = lineAt(mdxSource, match.index);
		try {
			const { attributes } = parseTagAttributes(mdxSource, match.index + match[0].length, line);
			yield { line, attributes };
		} catch (error) {
			if (!(error instanceof ExampleTagError)) throw error;
			yield error;
		}
	}
}
