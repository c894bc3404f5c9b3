import { MetaOptions } from '@expressive-code/core';

/** A fence meta's `key=value` options, as Expressive Code reads them, keys lower-cased. */
export function fenceOptions(meta: string): ReadonlyMap<string, string> {
	const options = new Map<string, string>();
	for (const option of new MetaOptions(meta).list()) {
		const { key, kind, value } = option;
		// A bare word (`wrap`) is a boolean option; so is `status=` with no value.
		if (key && (kind === 'string' || kind === 'boolean'))
			options.set(key.toLowerCase(), String(value));
	}
	return options;
}
