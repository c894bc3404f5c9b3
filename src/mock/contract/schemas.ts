/**
 * The shapes of request and response bodies, as zod schemas.
 *
 * The mock validates requests with them, tests check the mock's responses against them, and the
 * API reference renders them as JSON Schema: one description, three uses.
 */
import { z } from 'zod';
import { REFRESH_SCOPE, REQUESTABLE_SCOPES } from './scopes.ts';

/** A scope a client may request; the error names the offending value. */
export const RequestableScope = z.enum(REQUESTABLE_SCOPES, {
	error: (issue) =>
		issue.input === REFRESH_SCOPE ? 'systemScopeRequested' : `unknownScope:${String(issue.input)}`,
});

/** RFC 3339 UTC timestamp without fractional seconds, e.g. `2026-03-14T02:00:00Z`. */
export const Timestamp = z.iso.datetime({ precision: 0 });

/** Body of `POST /3rdparty/v1/auth/token`. */
export const IssueTokenRequest = z
	.object({
		scopes: z
			.array(RequestableScope, { error: 'scopesRequired' })
			.min(1, { error: 'scopesRequired' }),
		ttl: z
			.int({ error: 'invalidTtl' })
			.min(0, { error: 'invalidTtl' })
			.optional()
			.describe('Seconds. 0 or absent means 900; larger values are clamped to 900.'),
	})
	.strict();

/** A token pair, as issued (201) by the issue and refresh endpoints. */
export const TokenPairResponse = z
	.object({
		id: z.string().length(21).describe('The access token’s `jti`; pass it to revoke the pair.'),
		token_type: z.literal('Bearer'),
		access_token: z.string(),
		refresh_token: z.string(),
		expires_at: Timestamp.describe('When the access token expires (RFC 3339, UTC).'),
	})
	.strict();

/** The body of every non-2xx response. */
export const ErrorResponse = z
	.object({
		message: z.string(),
		code: z.int().min(400).max(599),
		data: z.record(z.string(), z.unknown()).optional(),
	})
	.strict();

/** One public key of the signing key set. */
export const PublicJwk = z.looseObject({
	kty: z.literal('EC'),
	crv: z.literal('P-256'),
	x: z.string(),
	y: z.string(),
	kid: z.string(),
	alg: z.literal('ES256'),
	use: z.literal('sig'),
});

/** Body of `GET /3rdparty/v1/auth/jwks`. */
export const JwksResponse = z.object({ keys: z.array(PublicJwk).min(1) }).strict();

/** Body of `POST /3rdparty/v1/messages`. */
export const SendMessageRequest = z
	.object({
		phoneNumbers: z
			.array(z.string().min(1), { error: 'phoneNumbersRequired' })
			.min(1, { error: 'phoneNumbersRequired' }),
		textMessage: z
			.object(
				{ text: z.string({ error: 'textRequired' }).min(1, { error: 'textRequired' }) },
				{
					error: 'textRequired',
				}
			)
			.strict(),
	})
	.strict();

/** A message as the API reports it. */
export const MessageResponse = z
	.object({
		id: z.string(),
		state: z.enum(['Pending', 'Processed', 'Sent', 'Delivered', 'Failed']),
	})
	.strict();
