/**
 * Scopes the Token Pair API knows.
 *
 * `all:any` is what Basic authentication grants; `tokens:refresh` is a system scope that only
 * refresh tokens carry and that nobody may request.
 */
export const SCOPES = [
	'all:any',
	'messages:send',
	'messages:read',
	'messages:list',
	'devices:list',
	'devices:delete',
	'webhooks:list',
	'webhooks:write',
	'webhooks:delete',
	'settings:read',
	'settings:write',
	'logs:read',
	'tokens:manage',
	'tokens:refresh',
] as const;

/** A scope name the API knows. */
export type Scope = (typeof SCOPES)[number];

/** The wildcard scope granted by Basic authentication. */
export const WILDCARD_SCOPE = 'all:any' satisfies Scope;

/** The system scope carried only by refresh tokens. */
export const REFRESH_SCOPE = 'tokens:refresh' satisfies Scope;

/** A scope a client may ask for: any but the system scope. */
export type RequestableScope = Exclude<Scope, typeof REFRESH_SCOPE>;

/** Scopes a client may ask for when it requests a token. */
export const REQUESTABLE_SCOPES = SCOPES.filter(
	(scope): scope is RequestableScope => scope !== REFRESH_SCOPE
);

/** A requestable scope other than the wildcard: one concrete permission. */
export type ConcreteScope = Exclude<RequestableScope, typeof WILDCARD_SCOPE>;

/** Every concrete permission, in catalogue order; what `all:any` stands for. */
export const CONCRETE_SCOPES = REQUESTABLE_SCOPES.filter(
	(scope): scope is ConcreteScope => scope !== WILDCARD_SCOPE
);

/**
 * Scopes a browser session's access token never carries, whatever the account holds: a session
 * lives in a page that an XSS bug can script, and must not be able to mint credentials (service
 * tokens, token pairs) that outlive it.
 */
export const NOT_IN_SESSIONS: readonly RequestableScope[] = [WILDCARD_SCOPE, 'tokens:manage'];

/**
 * **[design]** Scopes only a person's credentials (Basic) may put into a token: minting tokens is
 * the power every other follows from, so a bearer token (a service token, an access token) can
 * never hand it on, whatever it holds. With this, no chain of tokens can keep itself alive without
 * a person: each token a bearer token mints can mint nothing further.
 */
export const BASIC_ONLY_SCOPES: readonly RequestableScope[] = [WILDCARD_SCOPE, 'tokens:manage'];

/**
 * What each scope allows, in the words the pages use (the Token pairs page renders this table).
 * `tokens:manage` covers every endpoint that mints, lists, renews or revokes a credential.
 */
export const SCOPE_ALLOWS: Readonly<Record<Scope, string>> = {
	'all:any': 'Everything except refreshing. Basic authentication grants it.',
	'messages:send': 'Sending messages',
	'messages:read': 'Reading one message’s state',
	'messages:list': 'Listing messages',
	'devices:list': 'Listing devices',
	'devices:delete': 'Removing devices',
	'webhooks:list': 'Listing webhooks',
	'webhooks:write': 'Adding and changing webhooks',
	'webhooks:delete': 'Deleting webhooks',
	'settings:read': 'Reading settings',
	'settings:write': 'Changing settings',
	'logs:read': 'Reading logs',
	'tokens:manage':
		'Issuing token pairs and revoking tokens with a bearer token instead of the password, and minting, listing and renewing service tokens',
	'tokens:refresh':
		'Refreshing a token pair. System scope: only refresh tokens carry it, nobody may request it.',
};
