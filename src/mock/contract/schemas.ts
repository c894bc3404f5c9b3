/**
 * The shapes of request and response bodies, as zod schemas.
 *
 * The mock validates requests with them, tests check the mock's responses against them, and the
 * API reference renders them as JSON Schema: one description, three uses.
 */
import { z } from 'zod';
import { LIFETIMES } from './lifetimes.ts';
import { REFRESH_SCOPE, REQUESTABLE_SCOPES } from './scopes.ts';

const ACCESS_SECONDS = LIFETIMES.accessToken;
const FAMILY_DAYS = LIFETIMES.family / 86_400;

/** A scope a client may request; the error names the offending value. */
export const RequestableScope = z.enum(REQUESTABLE_SCOPES, {
	error: (issue) =>
		issue.input === REFRESH_SCOPE
			? 'systemScopeRequested'
			: `unknownScope:${describeValue(issue.input)}`,
});

/**
 * A client's value, safe to put into a message: strings as they are, anything else by its kind.
 * `String()` would recurse through deeply nested arrays until the stack overflows, and throws on
 * `{"toString": "x"}`; neither may turn a client's mistake into a 500.
 */
function describeValue(value: unknown): string {
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	if (value === null) return 'null';
	return Array.isArray(value) ? '(an array)' : `(${typeof value})`;
}

/** RFC 3339 UTC timestamp without fractional seconds, e.g. `2026-03-14T02:00:00Z`. */
export const Timestamp = z.iso.datetime({ precision: 0 });

/** Body of `POST /3rdparty/v1/auth/token`. */
export const IssueTokenRequest = z
	.object({
		scopes: z
			.array(RequestableScope, { error: 'scopesRequired' })
			.min(1, { error: 'scopesRequired' })
			.describe('The scopes the access token carries; at least one, each granted to the account.'),
		ttl: z
			.int({ error: 'invalidTtl' })
			.min(0, { error: 'invalidTtl' })
			.optional()
			.describe(
				`Seconds. 0 or absent means ${ACCESS_SECONDS}; larger values are clamped to ${ACCESS_SECONDS}.`
			),
	})
	.strict();

/** A token pair, as issued (201) by the issue and refresh endpoints. */
export const TokenPairResponse = z
	.object({
		id: z.string().length(21).describe('The access token’s `jti`; pass it to revoke the pair.'),
		token_type: z.literal('Bearer').describe('Always `Bearer`: how to send the tokens.'),
		access_token: z
			.string()
			.describe('A signed JWT; send it as `Authorization: Bearer <token>` to the API.'),
		refresh_token: z
			.string()
			.describe('Single use: send it only to the refresh endpoint, once, for the next pair.'),
		expires_at: Timestamp.describe('When the access token expires (RFC 3339, UTC).'),
	})
	.strict();

/** The body of every non-2xx response. */
export const ErrorResponse = z
	.object({
		error: z
			.string()
			.regex(/^[a-z][a-z0-9_]*$/)
			.describe('Stable, machine-readable id of the error, e.g. `ttl_too_long`; branch on this.'),
		message: z.string().describe('For people; may be reworded, so never match on it.'),
		code: z
			.int()
			.min(400)
			.max(599)
			.describe('The HTTP status, repeated so a logged body stands alone.'),
		data: z
			.record(z.string(), z.unknown())
			.optional()
			.describe('Machine-readable details of some errors, such as the `field` at fault.'),
	})
	.strict();

/** One public key of the signing key set. */
export const PublicJwk = z.looseObject({
	kty: z.literal('EC').describe('Key type: an elliptic-curve key.'),
	crv: z.literal('P-256').describe('The curve.'),
	x: z.string().describe('The public point’s x coordinate, base64url.'),
	y: z.string().describe('The public point’s y coordinate, base64url.'),
	kid: z.string().describe('The key id; a token’s header names the key that signed it.'),
	alg: z.literal('ES256').describe('The only algorithm to accept: pin it when you verify.'),
	use: z.literal('sig').describe('The key verifies signatures.'),
});

/** Body of `GET /3rdparty/v1/auth/jwks`. */
export const JwksResponse = z
	.object({
		keys: z
			.array(PublicJwk)
			.min(1)
			.describe('Every key a live token may be signed with; pick by the token’s `kid`.'),
	})
	.strict();

/** Body of `POST /3rdparty/v1/messages`. */
export const SendMessageRequest = z
	.object({
		phoneNumbers: z
			.array(
				z.string({ error: 'phoneNumbersRequired' }).min(1, { error: 'phoneNumbersRequired' }),
				{
					error: 'phoneNumbersRequired',
				}
			)
			.min(1, { error: 'phoneNumbersRequired' })
			.describe('Recipients, in international format (`+15555550100`); at least one.'),
		textMessage: z
			.object(
				{
					text: z
						.string({ error: 'textRequired' })
						.min(1, { error: 'textRequired' })
						.describe('The message text; not empty.'),
				},
				{
					error: 'textRequired',
				}
			)
			.strict()
			.describe('What to send.'),
	})
	.strict();

/** A message as the API reports it. */
export const MessageResponse = z
	.object({
		id: z.string().describe('The message’s id: read its state with it.'),
		state: z
			.enum(['Pending', 'Processed', 'Sent', 'Delivered', 'Failed'])
			.describe('Where the message is on its way; `Pending` right after sending.'),
	})
	.strict();

/**
 * A service token's name: what monitoring keys on and what an operator reads in the list, kept
 * across renewals. So it must show something (not only spaces or invisible format characters such
 * as a zero-width space) and must not reorder what is shown around it: bidirectional controls
 * (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C) are refused, as a right-to-left override
 * can make `evil-token` read as something else in a log or a table.
 */
const ServiceTokenName = z
	.string({ error: 'invalidName' })
	.min(1, { error: 'invalidName' })
	.max(128, { error: 'invalidName' })
	.regex(/[^\s\p{Cf}\p{Z}]/u, { error: 'invalidName' })
	.regex(/^[^\p{Cc}\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]*$/u, { error: 'invalidName' })
	.describe(
		'1 to 128 characters, something visible, no control or bidirectional-control characters; need not be unique.'
	);

/** A requested service token lifetime; the cap depends on the scopes, so it is checked later. */
const ServiceTokenTtl = z
	.int({ error: 'invalidTtl' })
	.min(0, { error: 'invalidTtl' })
	.optional()
	.describe('Seconds. 0 or absent: the longest the scopes allow; more is a 400 naming `max_ttl`.');

/** Body of `POST /3rdparty/v1/service-tokens`. */
export const CreateServiceTokenRequest = z
	.object({
		name: ServiceTokenName,
		scopes: z
			.array(RequestableScope, { error: 'scopesRequired' })
			.min(1, { error: 'scopesRequired' })
			.describe(
				'The scopes the token carries; its longest lifetime is the smallest of their caps.'
			),
		ttl: ServiceTokenTtl,
	})
	.strict();

/** Body of `POST /3rdparty/v1/service-tokens/{id}/renew`; an empty body means `{}`. */
export const RenewServiceTokenRequest = z.object({ ttl: ServiceTokenTtl }).strict();

/** A service token as minted (201) by create and renew: the only time `token` is shown. */
export const ServiceTokenResponse = z
	.object({
		id: z.string().length(21).describe('The token’s `jti`: renew or revoke it by this id.'),
		name: z.string().describe('The name it was created with, kept across renewals.'),
		scopes: z.array(RequestableScope).describe('The scopes it carries.'),
		token: z
			.string()
			.describe('Send as `Authorization: Bearer <token>`. Shown only now: store it.'),
		expires_at: Timestamp.describe('When the token expires (RFC 3339, UTC).'),
	})
	.strict();

/** One entry of the service token list; never the token itself. */
export const ServiceTokenSummary = z
	.object({
		id: z.string().describe('The token’s `jti`: renew or revoke it by this id.'),
		name: z.string().describe('The name it was created with.'),
		scopes: z
			.array(RequestableScope)
			.describe('Empty for legacy tokens minted before scopes were recorded.'),
		expires_at: Timestamp.describe('Expired tokens stay listed: they may still be renewed.'),
		renewed_from: z
			.string()
			.nullable()
			.describe(
				'The id of the token whose renewal minted this one; null for a token minted afresh. Names are not unique: follow this to tell a renewal job’s tokens from others of the same name.'
			),
	})
	.strict();

/** Body of `GET /3rdparty/v1/service-tokens`: the caller’s unrevoked tokens, oldest first. */
export const ServiceTokenListResponse = z.array(ServiceTokenSummary);

/** **[design]** How long a new password must be, in characters. */
export const PASSWORD_LENGTH = { min: 8, max: 256 } as const;

/** Body of `POST /3rdparty/v1/auth/password`; the current password goes in `Authorization`. */
export const ChangePasswordRequest = z
	.object({
		new_password: z
			.string({ error: 'invalidNewPassword' })
			.min(PASSWORD_LENGTH.min, { error: 'invalidNewPassword' })
			.max(PASSWORD_LENGTH.max, { error: 'invalidNewPassword' })
			.describe(
				`${PASSWORD_LENGTH.min} to ${PASSWORD_LENGTH.max} characters, not the current password.`
			),
	})
	.strict();

/** Body of `POST /auth/login`. */
export const LoginRequest = z
	.object({
		username: z
			.string({ error: 'usernameRequired' })
			.min(1, { error: 'usernameRequired' })
			.describe('The account’s username.'),
		password: z
			.string({ error: 'passwordRequired' })
			.min(1, { error: 'passwordRequired' })
			.describe('The account’s password.'),
	})
	.strict();

/** Body of a 200 from `/auth/login` and `/auth/refresh`; the refresh token is in the cookie. */
export const SessionResponse = z
	.object({
		access_token: z
			.string()
			.describe('A signed JWT for `Authorization: Bearer`; keep it in memory, never in storage.'),
		token_type: z.literal('Bearer').describe('Always `Bearer`.'),
		expires_in: z
			.int()
			.min(0)
			.max(ACCESS_SECONDS)
			.describe(
				`Seconds the access token lives: ${ACCESS_SECONDS}, less only near the login’s ${FAMILY_DAYS}-day end.`
			),
	})
	.strict();
