import { exampleTags } from './exampleTags.ts';
import { ExampleTagError } from './ExampleTagError.ts';
import { lineAt } from './lineAt.ts';
import { maskNonJsx } from './maskNonJsx.ts';
import type { AttributeValue } from './parseTagAttributes.ts';

/** One `<Example file="…" region="…" />` on a page; `line` is 1-based. */
export interface ExampleReference {
	file: string;
	region: string;
	line: number;
}

/** Every readable `<Example>` on a page, and an error for each one that is not. */
export interface ExampleTagScan {
	references: ExampleReference[];
	errors: ExampleTagError[];
}

/**
 * Scan an MDX page for `<Example>` components (ignoring code blocks, inline code and MDX
 * comments), collecting an `ExampleTagError` for each tag whose `file` or `region` is not a
 * non-empty string literal, and keeping going so one bad tag does not hide the others.
 */
export function scanExampleTags(mdxSource: string): ExampleTagScan {
	const scan: ExampleTagScan = { references: [], errors: [] };
	const collect = (run: () => void) => {
		try {
			run();
		} catch (error) {
			if (!(error instanceof ExampleTagError)) throw error;
			scan.errors.push(error);
		}
	};
	collect(() => rejectRenamedImport(maskNonJsx(mdxSource)));
	for (const tag of exampleTags(mdxSource)) {
		if (tag instanceof ExampleTagError) {
			scan.errors.push(tag);
			continue;
		}
		const { attributes, line } = tag;
		collect(() => {
			scan.references.push({
				file: literal('file', attributes.get('file'), line),
				region: literal('region', attributes.get('region'), line),
				line,
			});
		});
	}
	return scan;
}

function literal(name: string, value: AttributeValue | undefined, line: number): string {
	const example = `${name}="${name === 'file' ? 'topic/name.ts' : 'region-name'}"`;
	if (!value) throw new ExampleTagError(`<Example> is missing the ${example} attribute`, line);
	if (value.kind === 'expression') {
		throw new ExampleTagError(
			`<Example> attribute ${name}=${value.text} must be a string literal like ${example}, so the reference can be checked statically`,
			line
		);
	}
	if (value.kind === 'boolean' || value.value.trim() === '') {
		throw new ExampleTagError(`<Example> attribute "${name}" must not be empty`, line);
	}
	return value.value;
}

// Importing the component under another name would hide its tags from this scan.
function rejectRenamedImport(masked: string): void {
	const imports = /^\s*import\s+([^'";]*?)\s+from\s+['"]([^'"]*\/Example\.astro)['"]/gm;
	for (const match of masked.matchAll(imports)) {
		if (match[1]?.trim() !== 'Example') {
			throw new ExampleTagError(
				`Example.astro must be imported as "Example" (found "import ${match[1]?.trim()} from '${match[2]}'")`,
				lineAt(masked, match.index + (match[0].length - match[0].trimStart().length))
			);
		}
	}
}
