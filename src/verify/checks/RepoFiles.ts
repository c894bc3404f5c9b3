import type { ExampleSources } from '../../site/ExampleSources.ts';

/** A text file, with its path relative to the repository root (always `/`-separated). */
export interface SourceFile {
	path: string;
	source: string;
}

/** Everything the example checks read, so they can run on the real repository or in memory. */
export interface RepoFiles {
	/** Pages under `src/content/docs/`. */
	pages: readonly SourceFile[];
	/** Every `examples/**\/*.ts`, keyed relative to `examples/` (fixtures included). */
	examples: ExampleSources;
	/** Test files under `tests/examples/`. */
	tests: readonly SourceFile[];
}
