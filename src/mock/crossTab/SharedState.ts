import type { SerializedCookieJar } from 'tough-cookie';
import { z } from 'zod';

/** Bumped whenever the shape changes, so a state written by an older site is not misread. */
export const SHARED_STATE_FORMAT = 1;

const sharedStateSchema = z.object({
	format: z.literal(SHARED_STATE_FORMAT),
	/** New with every save: a tab whose copy has the same `rev` is up to date. */
	rev: z.string(),
	/** `MockApi.snapshot()`, validated by `MockApi.restore`. */
	mock: z.looseObject({}),
	/** The session cookie jar, `HttpOnly` cookies included (a browser keeps them too). */
	cookies: z.looseObject({}),
	/** The page's own state that travels with the mock's (`SharedMockOptions.extra`). */
	extra: z.unknown().optional(),
});

/**
 * What the tabs of one browser share through a {@link SharedStore}: the mock's snapshot and the
 * cookies a browser would hold for its origin.
 */
export type SharedState = Omit<z.infer<typeof sharedStateSchema>, 'mock' | 'cookies'> & {
	mock: unknown;
	cookies: SerializedCookieJar;
};

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
	const parsed = sharedStateSchema.safeParse(value);
	return parsed.success ? (parsed.data as SharedState) : undefined;
}

/**
 * Where the tabs keep their shared state: one text, read and written whole. Whatever a tab wrote
 * before it released the mock's lock must be what the next holder reads.
 */
export interface SharedStore {
	read(): Promise<string | null>;
	write(text: string): Promise<void>;
	remove(): Promise<void>;
}
