/** Formats NumericDate seconds as the API's RFC 3339 UTC timestamp, `2026-03-14T02:00:00Z`. */
export function toTimestamp(seconds: number): string {
	return new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
