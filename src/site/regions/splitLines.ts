/** Split source text into lines, accepting both LF and CRLF line endings. */
export function splitLines(source: string): string[] {
	return source.split(/\r?\n/);
}
