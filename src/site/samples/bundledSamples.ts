import type { SampleFile } from './resolveSample.ts';

// Vite resolves the glob at build time: a newly recorded sample needs no registration.
const modules = import.meta.glob<SampleFile>('/src/samples/*.json', {
	import: 'default',
	eager: true,
});

/** Every recorded sample, keyed by name (`token-pair` for `src/samples/token-pair.json`). */
export const bundledSamples: Readonly<Record<string, SampleFile>> = Object.fromEntries(
	Object.entries(modules).map(([path, sample]) => [
		path.replace(/^\/src\/samples\/(.*)\.json$/, '$1'),
		sample,
	])
);
