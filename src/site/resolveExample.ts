import { extractRegion, listRegions, RegionError } from './regions.ts';

/** Error raised when an `<Example>` cannot be rendered; its message names page, file and region. */
export class ExampleError extends Error {
	constructor(message: string, options?: ErrorOptions) {
		super(message, options);
		this.name = 'ExampleError';
	}
}

/** Example source texts keyed by path relative to `examples/`, e.g. `refresh/token-manager.ts`. */
export type ExampleSources = Readonly<Record<string, string>>;

/**
 * The kinds of file `examples/` holds, by extension, and the language each is highlighted as.
 * TypeScript is compiled and imported by its test; Python beside it is type-checked by pyright and
 * run by pytest; a configuration file (nginx) is imported as text (`?raw`) by a test that runs the
 * program it configures.
 */
export const EXAMPLE_LANGUAGES = { ts: 'ts', py: 'python', conf: 'nginx' } as const;

/** The highlighting language of an example file, from its extension (`ts` when unknown). */
export function exampleLanguage(file: string): string {
	const extension = /\.([^./]+)$/.exec(file)?.[1] ?? '';
	return Object.hasOwn(EXAMPLE_LANGUAGES, extension)
		? EXAMPLE_LANGUAGES[extension as keyof typeof EXAMPLE_LANGUAGES]
		: 'ts';
}

/**
 * The test that must import and run an example: `a/b.ts` → `tests/examples/a/b.test.ts`,
 * `a/nginx.conf` → `tests/examples/a/nginx.test.ts`, and in pytest's naming `a/b_c.py` →
 * `tests/examples/a/test_b_c.py`.
 */
export function exampleTestPath(file: string): string {
	if (file.endsWith('.py')) return `tests/examples/${file.replace(/([^/]+)\.py$/, 'test_$1.py')}`;
	return `tests/examples/${file.replace(/\.[^./]+$/, '')}.test.ts`;
}

/** The tab a language's version of a region is shown under; the labels sync tabs site-wide. */
export const TAB_LABELS: Readonly<Record<string, string>> = {
	ts: 'TypeScript',
	python: 'Python',
	nginx: 'nginx',
};

/**
 * The Python file beside a TypeScript example, named as Python modules are (`snake_case`, since a
 * module name cannot hold `-`): `refresh/token-manager.ts` → `refresh/token_manager.py`.
 */
export function pythonSibling(file: string): string {
	return file.replace(/([^/]+)\.ts$/, (_, name: string) => `${name.replaceAll('-', '_')}.py`);
}

/** One language's version of a region, for one tab. */
export interface ExampleVariant extends ResolvedExample {
	/** The tab's label: `TypeScript`, `Python`. */
	label: string;
}

/**
 * Every language's version of `<Example file region>`: the file's own (which must exist, see
 * {@link resolveExample}) first, then the Python beside a TypeScript file when that has the
 * region. A Python file whose markers are malformed fails like a TypeScript one.
 */
export function resolveExampleVariants(request: ExampleRequest): ExampleVariant[] {
	const variant = (resolved: ResolvedExample): ExampleVariant => ({
		...resolved,
		label: TAB_LABELS[resolved.lang] ?? resolved.lang,
	});
	const variants = [variant(resolveExample(request))];
	const sibling = pythonSibling(request.file);
	const source = Object.hasOwn(request.sources, sibling) ? request.sources[sibling] : undefined;
	if (sibling === request.file || source === undefined) return variants;
	let names: string[];
	try {
		names = listRegions(source).map((info) => info.name);
	} catch (error) {
		if (!(error instanceof RegionError)) throw error;
		const where = error.line === undefined ? sibling : `${sibling}:${error.line}`;
		const tag = `<Example file="${request.file}" region="${request.region}" />`;
		throw new ExampleError(`${tag} on page ${request.page}: examples/${where}: ${error.detail}`, {
			cause: error,
		});
	}
	if (names.includes(request.region)) {
		variants.push(variant(resolveExample({ ...request, file: sibling })));
	}
	return variants;
}

/** What an `<Example>` needs to render one region. */
export interface ResolvedExample {
	code: string;
	/** Highlighting language, from the file's extension. */
	lang: string;
	/** Frame title: the source path as a reader would find it in the repository. */
	title: string;
	/** The test file that executes the example. */
	testFile: string;
}

/** Where an `<Example>` is used and what it asks for. */
export interface ExampleRequest {
	/** The page showing the example, e.g. `src/content/docs/guides/x.mdx` or `src/…/x.mdx:12`. */
	page: string;
	file: string;
	region: string;
	sources: ExampleSources;
}

const LISTED_FILES = 20;

/**
 * Resolve `<Example file region>` to its code. Throws an `ExampleError` naming the page, the file
 * and the region when the file or region does not exist (listing what does) or is malformed.
 */
export function resolveExample({ page, file, region, sources }: ExampleRequest): ResolvedExample {
	const title = `examples/${file}`;
	const tag = `<Example file="${file}" region="${region}" />`;
	const header = `${tag} on page ${page}:`;
	// hasOwn: a file named like an Object.prototype member must not resolve to that member.
	const source = Object.hasOwn(sources, file) ? sources[file] : undefined;
	if (source === undefined) {
		throw new ExampleError(`${header} file ${title} does not exist.\n${fileHint(file, sources)}`);
	}
	try {
		const names = listRegions(source).map((info) => info.name);
		if (!names.includes(region)) {
			const existing =
				names.length === 0
					? 'That file has no regions.'
					: `Regions in that file: ${names.join(', ')}.`;
			throw new ExampleError(
				`${header} region "${region}" does not exist in ${title}.\n${existing}`
			);
		}
		return {
			code: extractRegion(source, region),
			lang: exampleLanguage(file),
			title,
			testFile: exampleTestPath(file),
		};
	} catch (error) {
		if (!(error instanceof RegionError)) throw error;
		const where = error.line === undefined ? title : `${title}:${error.line}`;
		throw new ExampleError(`${header} ${where}: ${error.detail}`, { cause: error });
	}
}

function fileHint(file: string, sources: ExampleSources): string {
	const files = Object.keys(sources).sort();
	const stripped = file.replace(/^(\.\/|\/)?(examples\/)?/, '');
	if (stripped !== file && files.includes(stripped)) {
		return `The file attribute is relative to examples/: write file="${stripped}".`;
	}
	if (files.length === 0) return 'There are no files in examples/ yet.';
	const shown = files.slice(0, LISTED_FILES).join(', ');
	const more = files.length > LISTED_FILES ? `, … (${files.length - LISTED_FILES} more)` : '';
	return `Files in examples/: ${shown}${more}.`;
}
