import { dedent } from './dedent.ts';
import { listRegions } from './listRegions.ts';
import { parseMarker } from './parseMarker.ts';
import { RegionError } from './RegionError.ts';
import { splitLines } from './splitLines.ts';
import { trimBlankLines } from './trimBlankLines.ts';

/**
 * Return the code of one named region: inner marker lines removed, common indentation removed,
 * blank lines trimmed from both ends, LF line endings. Throws a `RegionError` if the file's
 * markers are malformed, the region does not exist, or it contains no code.
 */
export function extractRegion(source: string, name: string): string {
	// Validating the whole file first means a broken marker anywhere fails every extraction.
	const regions = listRegions(source);
	const region = regions.find((candidate) => candidate.name === name);
	if (!region) {
		const known = regions.map((candidate) => candidate.name);
		const existing =
			known.length === 0 ? 'the file has no regions' : `regions in the file: ${known.join(', ')}`;
		throw new RegionError(`region "${name}" not found; ${existing}`);
	}
	const body = splitLines(source)
		.slice(region.startLine, region.endLine - 1)
		.filter((text, index) => parseMarker(text, region.startLine + 1 + index) === undefined);
	const code = trimBlankLines(dedent(body));
	if (code.length === 0) {
		throw new RegionError(`region "${name}" is empty`, region.startLine);
	}
	return code.join('\n');
}
