import { ExampleTagError } from '../pages/ExampleTagError.ts';
import { lineAt } from '../pages/lineAt.ts';
import { maskNonJsx } from '../pages/maskNonJsx.ts';
import { parseTagAttributes } from '../pages/parseTagAttributes.ts';

/** One `<Sample name="…" />` on a page, or why it cannot be read statically. */
export type SampleReference = { line: number; name: string } | { line: number; error: string };

/** Every `<Sample>` tag on an MDX page, outside code and comments; `name` must be a literal. */
export function findSampleReferences(source: string): SampleReference[] {
	const masked = maskNonJsx(source);
	return [...masked.matchAll(/<Sample(?=[\s/>])/g)].map((match) => {
		const line = lineAt(source, match.index);
		try {
			const { attributes } = parseTagAttributes(source, match.index + match[0].length, line);
			const name = attributes.get('name');
			if (name?.kind !== 'string' || name.value.trim() === '') {
				return { line, error: '<Sample> needs a literal name="…" attribute' };
			}
			return { line, name: name.value };
		} catch (error) {
			if (error instanceof ExampleTagError) return { line: error.line, error: error.detail };
			throw error;
		}
	});
}
