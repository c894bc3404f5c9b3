/** Error raised for any malformed, missing or empty `#region` in an example source. */
export class RegionError extends Error {
	/** 1-based line the problem was found on, when it belongs to one line. */
	readonly line: number | undefined;
	/** The message without the `line N:` prefix, so callers can prefix their own `file:line`. */
	readonly detail: string;

	constructor(detail: string, line?: number) {
		super(line === undefined ? detail : `line ${line}: ${detail}`);
		this.name = 'RegionError';
		this.line = line;
		this.detail = detail;
	}
}

/** Split source text into lines, accepting both LF and CRLF line endings. */
export function splitLines(source: string): string[] {
	return source.split(/\r?\n/);
}

/** Drop blank (empty or whitespace-only) lines from the start and end of a list of lines. */
export function trimBlankLines(lines: readonly string[]): string[] {
	let start = 0;
	let end = lines.length;
	while (start < end && lines[start]?.trim() === '') start++;
	while (end > start && lines[end - 1]?.trim() === '') end--;
	return lines.slice(start, end);
}

/** Remove the indentation common to all non-blank lines; whitespace-only lines become empty. */
export function dedent(lines: readonly string[]): string[] {
	let common: string | undefined;
	for (const line of lines) {
		if (line.trim() === '') continue;
		const indent = /^[ \t]*/.exec(line)?.[0] ?? '';
		common = common === undefined ? indent : commonPrefix(common, indent);
	}
	const width = common?.length ?? 0;
	return lines.map((line) => (line.trim() === '' ? '' : line.slice(width)));
}

// Compared character by character so a tab never counts as a space.
function commonPrefix(a: string, b: string): string {
	let length = 0;
	while (length < a.length && length < b.length && a[length] === b[length]) length++;
	return a.slice(0, length);
}

/**
 * A `// #region name` or `// #endregion name` marker line (`# #region name` in Python and in the
 * configuration files, nginx's, whose only comment is `#`).
 */
export interface RegionMarker {
	kind: 'region' | 'endregion';
	name: string;
}

// Same comment shapes VS Code folds for TypeScript (`//`) and Python (`#`); `\b` keeps
// `// #regional` from matching. Neither comment can open a line of the other languages' code, so
// one pattern reads all of them.
const MARKER = /^\s*(\/\/|#)\s*#(region|endregion)\b(.*)$/;
const NAME = /^[A-Za-z0-9][\w.-]*$/;

/**
 * Parse one line as a region marker. Returns `undefined` for ordinary lines and throws a
 * `RegionError` for a marker whose name is missing or not a single word.
 */
export function parseMarker(text: string, line: number): RegionMarker | undefined {
	const match = MARKER.exec(text);
	if (!match) return undefined;
	const comment = match[1] ?? '//';
	const kind = match[2] === 'region' ? 'region' : 'endregion';
	const name = (match[3] ?? '').trim();
	if (name === '') {
		throw new RegionError(`#${kind} needs a name, e.g. "${comment} #${kind} my-region"`, line);
	}
	if (!NAME.test(name)) {
		throw new RegionError(
			`#${kind} name "${name}" must be one word of letters, digits, "_", "." or "-"`,
			line
		);
	}
	return { kind, name };
}

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
	const open: { name: string; startLine: number; comment: string }[] = [];
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
			open.push({
				name: marker.name,
				startLine: line,
				comment: text.trim().startsWith('#') ? '#' : '//',
			});
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
			`region "${unclosed.name}" is never closed (expected "${unclosed.comment} #endregion ${unclosed.name}")`,
			unclosed.startLine
		);
	}
	return regions.sort((a, b) => a.startLine - b.startLine);
}

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

/**
 * Return a whole source file without any region marker lines (for showing a complete file),
 * with blank lines trimmed from both ends and LF line endings. Malformed markers throw.
 */
export function stripRegionMarkers(source: string): string {
	listRegions(source);
	const lines = splitLines(source).filter((text, index) => !parseMarker(text, index + 1));
	return trimBlankLines(lines).join('\n');
}
