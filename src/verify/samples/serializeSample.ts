import type { SampleFile } from '../../site/samples/SampleFile.ts';

/** A sample file's text as the recorder compares and checks it (`record.ts` then runs Prettier). */
export function serializeSample(sample: SampleFile): string {
	return `${JSON.stringify(sample, null, '\t')}\n`;
}
