import { NO_STORE, PRAGMA_NO_CACHE } from '../contract/http.ts';

/** Token responses must never be cached (RFC 6749 §5.1). */
export const NO_STORE_HEADERS = {
	[NO_STORE.name]: NO_STORE.value,
	[PRAGMA_NO_CACHE.name]: PRAGMA_NO_CACHE.value,
} as const;
