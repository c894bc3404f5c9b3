import type { SampleFile } from './SampleFile.ts';

// Written out rather than taken from node:http: this runs in the page build too.
const REASONS: Readonly<Record<number, string>> = {
	200: 'OK',
	201: 'Created',
	202: 'Accepted',
	204: 'No Content',
	400: 'Bad Request',
	401: 'Unauthorized',
	403: 'Forbidden',
	404: 'Not Found',
	405: 'Method Not Allowed',
	413: 'Payload Too Large',
	429: 'Too Many Requests',
	500: 'Internal Server Error',
};

/** A sample's frame title, e.g. `201 Created — POST /3rdparty/v1/auth/token`. */
export function sampleTitle(sample: Pick<SampleFile, 'status' | 'method' | 'path'>): string {
	const reason = REASONS[sample.status];
	const path = sample.path.replace(/:(\w+)/g, '{$1}');
	return `${sample.status}${reason ? ` ${reason}` : ''} — ${sample.method} ${path}`;
}
