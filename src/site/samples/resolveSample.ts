import { z } from 'zod';
import { closestMatch } from '../closestMatch.ts';
import { statusText } from '../http/statusText.ts';

/**
 * A recorded response sample, as stored in `src/samples/<name>.json` by `npm run samples:record`:
 * the exchange it came from and the response body with every token and id replaced.
 */
export const SampleFile = z
	.object({
		$comment: z.string(),
		/** The contract endpoint id (`ENDPOINTS`). */
		endpoint: z.string(),
		method: z.string(),
		/** The contract path, `:name` for parameters. */
		path: z.string(),
		status: z.int(),
		/** The export of `src/mock/contract/schemas.ts` the body satisfies. */
		schema: z.string(),
		body: z.unknown(),
	})
	.strict();

/** A parsed sample file. */
export type SampleFile = z.infer<typeof SampleFile>;

/** What every sample file says about itself. */
export const SAMPLE_COMMENT =
	'Recorded from the mock by `npm run samples:record` (src/verify/samples/sampleRecipes.ts); do not edit by hand.';

/** A sample's frame title, e.g. `201 Created — POST /3rdparty/v1/auth/token`. */
export function sampleTitle(sample: Pick<SampleFile, 'status' | 'method' | 'path'>): string {
	const path = sample.path.replace(/:(\w+)/g, '{$1}');
	return `${statusText(sample.status)} — ${sample.method} ${path}`;
}

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
