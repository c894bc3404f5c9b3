import { listRegions } from './listRegions.ts';
import { parseMarker } from './parseMarker.ts';
import { splitLines } from './splitLines.ts';
import { trimBlankLines } from './trimBlankLines.ts';

/**
 * Return a whole source file without any region marker lines (for showing a complete file),
 * with blank lines trimmed from both ends and LF line endings. Malformed markers throw.
 */
export function stripRegionMarkers(source: string): string {
	listRegions(source);
	const lines = splitLines(source).filter((text, index) => !parseMarker(text, index + 1));
	return trimBlankLines(lines).join('\n');
}
