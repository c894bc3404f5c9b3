import type { ApiErrorId } from '../mock/contract/errors.ts';
import { factMarkdown } from '../site/facts.ts';

/** What the Troubleshooting page says about one error of the catalogue. */
export interface TroubleshootingEntry {
	/** Why a client gets this answer. Backticks mark code. */
	causes: string;
	/** What to change. Backticks mark code. */
	fix: string;
}

/**
 * Causes and fixes for every error the API can answer. Keyed by catalogue id, so a new error in
 * `src/mock/contract/errors.ts` without an entry here does not compile; the page renders one row
 * per entry, and `tests/pages/troubleshooting.test.ts` provokes each one.
 */
export const TROUBLESHOOTING: Record<ApiErrorId, TroubleshootingEntry> = {
	invalidBody: {
		causes:
			'The body is not JSON, not UTF-8, or not a JSON object (an array, a string, `null`), or it is missing where one is required.',
		fix: 'Send `Content-Type: application/json` and a JSON object: build it with `JSON.stringify({...})`, never by string concatenation.',
	},
	unknownField: {
		causes:
			'The body has a field the endpoint does not know, usually a misspelling such as `scope` for `scopes`. The message names it.',
		fix: 'Rename or remove the field. Unknown fields are refused rather than ignored, so a typo cannot silently drop a setting.',
	},
	scopesRequired: {
		causes: '`scopes` is missing, empty, or not a list.',
		fix: 'Send at least one scope, as a list: `{"scopes": ["messages:send"]}`.',
	},
	unknownScope: {
		causes: 'A scope name that does not exist, often a typo or a scope from another API.',
		fix: 'Use a scope from the list on the Token pairs page; the message names the unknown one.',
	},
	systemScopeRequested: {
		causes: '`tokens:refresh` was requested. It is a system scope that only refresh tokens carry.',
		fix: 'Drop it from `scopes`: every pair already comes with a refresh token.',
	},
	invalidTtl: {
		causes: `\`ttl\` is negative, fractional, or not a number (a string such as \`"${factMarkdown('ttl.clamp', 'number')}"\` counts).`,
		fix: 'Send whole seconds as a JSON number, or leave `ttl` out for the default.',
	},
	invalidName: {
		causes:
			'A service token without a `name`, or with one that is empty, too long, invisible (only spaces or zero-width characters), or has control characters or bidirectional controls (a right-to-left override can disguise a name in a log).',
		fix: 'Name the token after the service that uses it (1 to 128 printable characters); renewals keep the name.',
	},
	ttlTooLong: {
		causes:
			'A service token `ttl` longer than its scopes allow, or, when a bearer token mints or renews it, longer than that token has left to live. The cap is in `data.max_ttl`.',
		fix: 'Ask for at most `data.max_ttl` seconds, or leave `ttl` out to get the cap.',
	},
	scopesNotRecorded: {
		causes:
			'Renewing a service token minted before scopes were recorded with tokens (a legacy token). Its scopes cannot be reproduced.',
		fix: 'Mint a new service token with the scopes it needs, deploy it, and let the legacy one expire.',
	},
	usernameRequired: {
		causes: 'A login body without `username`, or with one that is empty or not a string.',
		fix: 'Send `{"username": "…", "password": "…"}` as JSON.',
	},
	passwordRequired: {
		causes: 'A login body without `password`, or with one that is empty or not a string.',
		fix: 'Send `{"username": "…", "password": "…"}` as JSON.',
	},
	invalidNewPassword: {
		causes:
			'A password change whose `new_password` is missing, too short or too long, or the same as the current password (which would leave a thief who holds it logged in).',
		fix: 'Send `{"new_password": "…"}` with a new password of the length the message names, and the current one in `Authorization: Basic`.',
	},
	phoneNumbersRequired: {
		causes: '`phoneNumbers` is missing, empty, or not a list of strings.',
		fix: 'Send at least one number as a list: `{"phoneNumbers": ["+15555550100"], …}`.',
	},
	textRequired: {
		causes: '`textMessage.text` is missing or empty.',
		fix: 'Send the text as `{"textMessage": {"text": "…"}}`.',
	},
	unauthorized: {
		causes: `No credentials, wrong credentials, or a token that is expired, revoked, malformed, signed by someone else, or of the wrong type (a refresh token sent to the API). On the refresh endpoint: the refresh token is expired, revoked, past its login’s ${factMarkdown('family.lifetime')}, or already spent. The message never says which, on purpose.`,
		fix: 'From an API call: refresh once and retry once. From the refresh endpoint: never retry that refresh token; log in again.',
	},
	scopeRequired: {
		causes: `Valid credentials without the scope the endpoint needs, which the message names. An access token sent to the refresh endpoint gets ${factMarkdown('error.scopeRequired', 'message', { scope: 'tokens:refresh' })}; a bearer token asking to issue scopes it lacks gets the missing one.`,
		fix: 'Issue a token with that scope; send the refresh token, not the access token, to the refresh endpoint.',
	},
	missingScopes: {
		causes:
			'Renewing a service token while the account no longer holds every scope the token was minted with. `data.missing_scopes` lists them.',
		fix: 'Have the scopes granted to the account again, or mint a new token with only the scopes it still holds.',
	},
	grantRequiresBasic: {
		causes: `A bearer token asked to mint, issue or renew something carrying ${factMarkdown('scopes.basicOnly', 'or')}. Only a person’s credentials (Basic) grant those, so that no token can keep a chain of tokens alive with no person involved. \`data.scope\` names the scope.`,
		fix: 'Mint or renew tokens that carry `tokens:manage` with the account’s Basic credentials; give tokens a bearer token mints only the scopes they use.',
	},
	selfRenewal: {
		causes:
			'A service token sent as the bearer credential of its own renewal. A token cannot extend its own authority, or a `tokens:manage` token could live forever with no person involved.',
		fix: 'Renew with the account’s credentials or with another token that holds `tokens:manage`, as a renewal job run by a person’s deployment does.',
	},
	csrfHeaderRequired: {
		causes: `A browser session refresh without the ${factMarkdown('header.csrf')} header, the defence against cross-site requests riding the cookie.`,
		fix: `Send ${factMarkdown('header.csrf')} on ${factMarkdown('endpoint.refreshSession')}; a cross-site form cannot add it.`,
	},
	messageNotFound: {
		causes: 'The message id does not exist, or belongs to another account.',
		fix: `Use the \`id\` returned by ${factMarkdown('endpoint.sendMessage')}, with a token of the same account.`,
	},
	serviceTokenNotFound: {
		causes: 'The service token id does not exist, or belongs to another account.',
		fix: `List your tokens with ${factMarkdown('endpoint.listServiceTokens')} and use an \`id\` from there.`,
	},
	routeNotFound: {
		causes:
			'No endpoint has this path: a typo, a missing `/3rdparty/v1` prefix, or a base URL that already contains a path.',
		fix: 'Compare the path with the API reference.',
	},
	methodNotAllowed: {
		causes:
			'The path exists but not with this method, e.g. `GET` on the token endpoint. The `Allow` header lists the methods it takes.',
		fix: 'Use the method from the `Allow` header.',
	},
	payloadTooLarge: {
		causes: `A request body over ${factMarkdown('limit.body')}.`,
		fix: 'Send smaller bodies; no endpoint needs more.',
	},
	badRequest: {
		causes:
			'The local HTTP server (`npm run mock-api`) could not read the request as HTTP/1.1: a malformed request line or header, a header with control characters, a bad chunk size, both `Content-Length` and `Transfer-Encoding`, or no `Host` header (or two).',
		fix: 'Send requests with an HTTP client library rather than by hand; it writes the framing and the `Host` header for you.',
	},
	requestTimeout: {
		causes: `The request’s headers (${factMarkdown('limit.headersTimeout', 's')}) or the whole request (${factMarkdown('limit.requestTimeout', 's')}) took too long to arrive, as from a client that stalled or a connection left half-open.`,
		fix: 'Send the request in one go; for a large upload, make sure the client is not waiting for something before it writes the body.',
	},
	expectationFailed: {
		causes: 'An `Expect` header other than `100-continue`, which the server cannot meet.',
		fix: 'Drop the `Expect` header, or send `Expect: 100-continue` only.',
	},
	headersTooLarge: {
		causes: `The request’s headers add up to more than ${factMarkdown('limit.headers')}, usually a cookie jar that kept growing or a token pasted into a header several times.`,
		fix: 'Send one `Authorization` header with one token; tokens of this API are far below the limit.',
	},
	unsupportedMediaType: {
		causes:
			'A login whose body is not sent as `Content-Type: application/json`: a form post (`application/x-www-form-urlencoded`), `text/plain`, or no `Content-Type` at all. The login refuses every type a cross-site form can send, so another site cannot log the browser into an account of its choosing.',
		fix: 'Send the body with `JSON.stringify({ username, password })` and `Content-Type: application/json`.',
	},
	uriTooLong: {
		causes: `A request URL over ${factMarkdown('limit.url')}, usually a token or a body put into the query string, or a path built in a loop.`,
		fix: 'Send tokens in the `Authorization` header and data in the body; no endpoint needs a long URL.',
	},
};
