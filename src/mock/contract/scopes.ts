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

/** Scopes a client may ask for when it requests a token. */
export const REQUESTABLE_SCOPES = SCOPES.filter(
	(scope): scope is Exclude<Scope, typeof REFRESH_SCOPE> => scope !== REFRESH_SCOPE
);

/** Whether a string names a known scope. */
export function isScope(value: string): value is Scope {
	return (SCOPES as readonly string[]).includes(value);
}
