/**
 * The `key=value` options of a fence's meta string, keys lower-cased (Expressive Code reads them
 * case-insensitively), values unquoted. Expressive Code's own options (`title="…"`, `{2-3}`,
 * `/regex/`, `wrap`) pass through untouched; it ignores the keys it does not know, which is what
 * lets pages declare `status=201` or `schema=TokenPairResponse` without readers seeing them.
 */
export function parseFenceMeta(meta: string): Map<string, string> {
	const options = new Map<string, string>();
	const pattern = /([\w-]+)=(?:"([^"]*)"|'([^']*)'|(\S*))/g;
	for (const match of meta.matchAll(pattern)) {
		const [, key = '', double, single, bare] = match;
		options.set(key.toLowerCase(), double ?? single ?? bare ?? '');
	}
	return options;
}
