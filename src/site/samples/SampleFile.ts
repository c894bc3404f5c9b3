import { z } from 'zod';

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
