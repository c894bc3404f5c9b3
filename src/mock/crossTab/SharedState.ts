import type { SerializedCookieJar } from 'tough-cookie';

/** Bumped whenever the shape changes, so a state written by an older site is not misread. */
export const SHARED_STATE_FORMAT = 1;

/**
 * What the tabs of one browser share through a `SharedStore`: the mock's snapshot and the
 * cookies a browser would hold for its origin. The mock part is validated by `MockApi.restore`.
 */
export interface SharedState {
	format: typeof SHARED_STATE_FORMAT;
	/** New with every save: a tab whose copy has the same `rev` is up to date. */
	rev: string;
	/** `MockApi.snapshot()`. */
	mock: unknown;
	/** The session cookie jar, `HttpOnly` cookies included (a browser keeps them too). */
	cookies: SerializedCookieJar;
	/** The page's own state that travels with the mock's (`SharedMockOptions.extra`). */
	extra?: unknown;
}

/**
 * Reads a shared state from its stored text; `undefined` for nothing stored, unreadable text, or
 * a state of another format (a tab of an older version of the site wrote it).
 */
export function parseSharedState(text: string | null): SharedState | undefined {
	if (text === null) return undefined;
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return undefined;
	}
	if (typeof value !== 'object' || value === null) return undefined;
	const { format, rev, mock, cookies, extra } = value as Partial<
		Record<keyof SharedState, unknown>
	>;
	if (format !== SHARED_STATE_FORMAT || typeof rev !== 'string') return undefined;
	if (typeof mock !== 'object' || mock === null) return undefined;
	if (typeof cookies !== 'object' || cookies === null) return undefined;
	return { format, rev, mock, cookies: cookies as SerializedCookieJar, extra };
}
