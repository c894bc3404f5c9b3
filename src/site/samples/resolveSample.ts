import { closestMatch } from '../closestMatch.ts';
import type { SampleFile } from './SampleFile.ts';

/**
 * The sample a `<Sample name="…">` asks for. An unknown name fails the build, naming the page and
 * the samples that exist (and the likely typo).
 */
export function resolveSample(
	name: string,
	samples: Readonly<Record<string, SampleFile>>,
	page: string
): SampleFile {
	const sample = Object.hasOwn(samples, name) ? samples[name] : undefined;
	if (sample !== undefined) return sample;
	const names = Object.keys(samples).sort();
	const guess = closestMatch(name, names);
	throw new Error(
		`<Sample name="${name}" /> on page ${page}: no sample src/samples/${name}.json` +
			`${guess ? ` (did you mean "${guess}"?)` : ''}. Samples are recorded by npm run ` +
			`samples:record from src/verify/samples/sampleRecipes.ts; existing: ${names.join(', ')}`
	);
}
