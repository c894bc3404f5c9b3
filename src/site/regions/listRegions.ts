import { parseMarker } from './parseMarker.ts';
import { RegionError } from './RegionError.ts';
import { splitLines } from './splitLines.ts';

/** A named region of a source file; lines are 1-based and point at the two marker lines. */
export interface RegionInfo {
	name: string;
	startLine: number;
	endLine: number;
}

/**
 * List every region of a source file in order of their `#region` lines, validating all markers:
 * mismatched, stray, unclosed, duplicate and nested-same-name regions throw a `RegionError`.
 */
export function listRegions(source: string): RegionInfo[] {
	const regions: RegionInfo[] = [];
	const open: { name: string; startLine: number }[] = [];
	const firstSeen = new Map<string, number>();

	splitLines(source).forEach((text, index) => {
		const line = index + 1;
		const marker = parseMarker(text, line);
		if (!marker) return;
		if (marker.kind === 'region') {
			const outer = open.find((region) => region.name === marker.name);
			if (outer) {
				throw new RegionError(
					`region "${marker.name}" is nested inside a region of the same name (opened at line ${outer.startLine})`,
					line
				);
			}
			const first = firstSeen.get(marker.name);
			if (first !== undefined) {
				throw new RegionError(
					`duplicate region "${marker.name}" (first defined at line ${first})`,
					line
				);
			}
			firstSeen.set(marker.name, line);
			open.push({ name: marker.name, startLine: line });
			return;
		}
		const innermost = open.pop();
		if (!innermost) {
			throw new RegionError(`#endregion "${marker.name}" has no matching #region`, line);
		}
		if (innermost.name !== marker.name) {
			throw new RegionError(
				`#endregion "${marker.name}" does not match the open region "${innermost.name}" (opened at line ${innermost.startLine})`,
				line
			);
		}
		regions.push({ name: innermost.name, startLine: innermost.startLine, endLine: line });
	});

	const unclosed = open.at(-1);
	if (unclosed) {
		throw new RegionError(
			`region "${unclosed.name}" is never closed (expected "// #endregion ${unclosed.name}")`,
			unclosed.startLine
		);
	}
	return regions.sort((a, b) => a.startLine - b.startLine);
}
