/**
 * The `<Example>` and `<Sample>` references of a page, read from the page model's elements: what
 * the build will render, and a problem for each tag a static check cannot read (an expression
 * where a literal must be, a spread, a repeated attribute, a component on a `.md` page).
 */
import { isComponent } from '../pages/pageElements.ts';
import type { AttributeValue, Page, PageElement, PageProblem } from '../pages/readPage.ts';

/** One `<Example file="…" region="…" />` on a page, with its attributes. */
export interface ExampleReference {
	file: string;
	region: string;
	/** Whether it asks for a Run panel (`run` or `run={true}`). */
	run: boolean;
	line: number;
	element: PageElement;
}

/** One `<Sample name="…" />` on a page. */
export interface SampleReference {
	name: string;
	line: number;
	element: PageElement;
}

export interface References {
	examples: ExampleReference[];
	samples: SampleReference[];
	/** Tags that cannot be read statically, with `code: 'reference'`, by line. */
	problems: PageProblem[];
}

/** Every `<Example>` and `<Sample>` of the page, and a problem for each unreadable one. */
export function readReferences(page: Page): References {
	const found: References = { examples: [], samples: [], problems: [] };
	const mdx = page.path.endsWith('.mdx');
	for (const element of page.elements) readReference(found, element, mdx);
	found.problems.sort((a, b) => a.line - b.line);
	return found;
}

function readReference(found: References, element: PageElement, mdx: boolean): void {
	const line = element.start.line;
	const problem = (detail: string): void =>
		void found.problems.push({ line, detail, code: 'reference' });
	// HTML has no components: in a Markdown page `<Example>` is an unknown `example` element.
	const example = mdx ? isComponent(element, 'Example') : element.name === 'example';
	const sample = mdx ? isComponent(element, 'Sample') : element.name === 'sample';
	if (!example && !sample) return;
	const tag = example ? '<Example>' : '<Sample>';
	if (!mdx) return problem(`${tag} only renders in .mdx pages; rename the page to .mdx`);
	if (element.spread) {
		return problem('spread attributes ({...props}) are not allowed; write each attribute out');
	}
	const [twice] = element.repeated;
	if (twice !== undefined) return problem(`attribute "${twice}" is given twice`);
	if (sample) {
		const name = element.attributes.get('name');
		if (name?.kind !== 'string' || name.value.trim() === '') {
			return problem('<Sample> needs a literal name="…" attribute');
		}
		found.samples.push({ name: name.value, line, element });
		return;
	}
	const file = literal(element, 'file', 'topic/name.ts');
	const region = literal(element, 'region', 'region-name');
	const run = runAttribute(element.attributes.get('run'));
	for (const detail of [file, region, run]) if (detail.problem) problem(detail.problem);
	if (file.value !== undefined && region.value !== undefined && run.value !== undefined) {
		found.examples.push({ file: file.value, region: region.value, run: run.value, line, element });
	}
}

type Read<T> = { value: T; problem?: undefined } | { value?: undefined; problem: string };

function literal(element: PageElement, name: string, sample: string): Read<string> {
	const value = element.attributes.get(name);
	const example = `${name}="${sample}"`;
	if (!value) return { problem: `<Example> is missing the ${example} attribute` };
	if (value.kind === 'expression') {
		return {
			problem: `<Example> attribute ${name}=${value.text} must be a string literal like ${example}, so the reference can be checked statically`,
		};
	}
	if (value.kind === 'boolean' || value.value.trim() === '') {
		return { problem: `<Example> attribute "${name}" must not be empty` };
	}
	return { value: value.value };
}

// `run` must be readable without running the page: bare, {true} or {false}.
function runAttribute(value: AttributeValue | undefined): Read<boolean> {
	if (value === undefined) return { value: false };
	if (value.kind === 'boolean' || (value.kind === 'expression' && value.text === '{true}')) {
		return { value: true };
	}
	if (value.kind === 'expression' && value.text === '{false}') return { value: false };
	const written = value.kind === 'string' ? `"${value.value}"` : value.text;
	return {
		problem: `<Example> attribute run=${written} must be written as a bare "run" (or run={true} / run={false})`,
	};
}
