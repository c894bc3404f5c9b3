import type { JWK } from 'jose';
import { z } from 'zod';
import { REQUESTABLE_SCOPES, type RequestableScope } from '../contract/scopes.ts';
import { TokenPairResponse } from '../contract/schemas.ts';
import type { MockSettings } from '../MockContext.ts';
import type { IssuedPair } from '../pairs/TokenPairs.ts';
import type { StoredMessage } from '../store/MessageStore.ts';
import type { TokenStoreSnapshot } from '../store/TokenStore.ts';

/** Bumped whenever the shape changes, so a snapshot written by an older site is not misread. */
export const SNAPSHOT_FORMAT = 1;

/**
 * A mock's whole state as plain JSON (`MockApi.snapshot`), enough for a fresh instance to carry on
 * where this one stopped (`MockApi.restore`): the tokens it issued and their fate, the signing
 * key, the clock's lead and the settings. The exchange log is not part of it.
 */
export interface MockSnapshot {
	format: typeof SNAPSHOT_FORMAT;
	/**
	 * The signing key's private half, or `null` before the first token was signed. A throwaway
	 * key of the in-page mock, never a real one (see `exportSigningKey`).
	 */
	signingKey: JWK | null;
	/** How far the clock is ahead of its source (`Clock.offsetSeconds`). */
	clockOffsetSeconds: number;
	settings: MockSettings;
	/** Token records (service tokens included), parent links and login families. */
	tokens: TokenStoreSnapshot;
	/** The pair each spent refresh token yielded, by its `jti`, for the overlap window. */
	successors: [jti: string, pair: IssuedPair][];
	messages: StoredMessage[];
	/** Each account's grants now, by user id (they shrink when a scope is taken away). */
	accountGrants: [userId: string, scopes: RequestableScope[]][];
	/**
	 * Passwords changed through the API, by user id (absent: none changed). Optional, so a
	 * snapshot an older site stored still restores. The mock's demo accounts only.
	 */
	accountPasswords?: [userId: string, password: string][];
}

const seconds = z.number().finite();
const optional = <T extends z.ZodType>(schema: T) => schema.exactOptional();

const TokenRecordSchema = z.object({
	jti: z.string(),
	kind: z.enum(['access', 'refresh', 'service']),
	sub: z.string(),
	parent: optional(z.string()),
	familyId: optional(z.string()),
	revoked: z.boolean(),
	consumedAt: optional(seconds),
	successor: optional(z.string()),
	name: optional(z.string()),
	scopes: optional(z.array(z.enum(REQUESTABLE_SCOPES))),
	expiresAt: optional(seconds),
	renewedFrom: optional(z.string()),
});

const FamilySchema = z.object({
	id: z.string(),
	sub: z.string(),
	surface: z.enum(['api', 'session']),
	expiresAt: seconds,
	revoked: z.boolean(),
});

const IssuedPairSchema = z.object({
	body: TokenPairResponse,
	accessExpiresAt: seconds,
	refreshExpiresAt: seconds,
});

const SnapshotSchema = z.object({
	format: z.literal(SNAPSHOT_FORMAT),
	signingKey: z
		.object({
			kty: z.literal('EC'),
			crv: z.literal('P-256'),
			x: z.string(),
			y: z.string(),
			d: z.string(),
		})
		.nullable(),
	clockOffsetSeconds: seconds.nonnegative(),
	settings: z.object({
		reusePolicy: z.enum(['reject', 'revoke-family']),
		overlapSeconds: seconds.nonnegative(),
	}),
	tokens: z.object({
		records: z.array(TokenRecordSchema),
		children: z.array(z.tuple([z.string(), z.array(z.string())])),
		families: z.array(FamilySchema),
	}),
	successors: z.array(z.tuple([z.string(), IssuedPairSchema])),
	messages: z.array(z.object({ id: z.string(), owner: z.string(), state: z.literal('Pending') })),
	accountGrants: z.array(z.tuple([z.string(), z.array(z.enum(REQUESTABLE_SCOPES))])),
	accountPasswords: optional(z.array(z.tuple([z.string(), z.string()]))),
});

/**
 * Checks that a value (say, parsed from what another tab stored) is a snapshot this version of
 * the mock can restore; throws a `ZodError` for anything else, an older format included.
 */
export function parseMockSnapshot(value: unknown): MockSnapshot {
	// Typed as the interface, so the schema cannot drift from what `restore` expects.
	const snapshot: MockSnapshot = SnapshotSchema.parse(value);
	return snapshot;
}
