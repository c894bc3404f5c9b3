import { RegionError } from './RegionError.ts';

/** A `// #region name` or `// #endregion name` marker line. */
export interface RegionMarker {
	kind: 'region' | 'endregion';
	name: string;
}

// Same comment shape VS Code folds for TypeScript; `\b` keeps `// #regional` from matching.
const MARKER = /^\s*\/\/\s*#(region|endregion)\b(.*)$/;
const NAME = /^[A-Za-z0-9][\w.-]*$/;

/**
 * Parse one line as a region marker. Returns `undefined` for ordinary lines and throws a
 * `RegionError` for a marker whose name is missing or not a single word.
 */
export function parseMarker(text: string, line: number): RegionMarker | undefined {
	const match = MARKER.exec(text);
	if (!match) return undefined;
	const kind = match[1] === 'region' ? 'region' : 'endregion';
	const name = (match[2] ?? '').trim();
	if (name === '') {
		throw new RegionError(`#${kind} needs a name, e.g. "// #${kind} my-region"`, line);
	}
	if (!NAME.test(name)) {
		throw new RegionError(
			`#${kind} name "${name}" must be one word of letters, digits, "_", "." or "-"`,
			line
		);
	}
	return { kind, name };
}
