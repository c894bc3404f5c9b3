import type { ExampleSources } from './resolveExample.ts';

// Vite resolves the glob at build time, so every example is bundled into the page render and a
// new file needs no registration.
const modules = import.meta.glob<string>('/examples/**/*.{ts,py,conf}', {
	query: '?raw',
	import: 'default',
	eager: true,
});

/** The raw text of every example file (`examples/**\/*.ts`, `*.py`, `*.conf`), keyed by path relative to `examples/`. */
export const bundledExampleSources: ExampleSources = Object.fromEntries(
	Object.entries(modules).map(([path, source]) => [path.replace(/^\/examples\//, ''), source])
);
