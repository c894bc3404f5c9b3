import { statusText } from '../http/statusText.ts';
import type { SampleFile } from './SampleFile.ts';

/** A sample's frame title, e.g. `201 Created — POST /3rdparty/v1/auth/token`. */
export function sampleTitle(sample: Pick<SampleFile, 'status' | 'method' | 'path'>): string {
	const path = sample.path.replace(/:(\w+)/g, '{$1}');
	return `${statusText(sample.status)} — ${sample.method} ${path}`;
}
