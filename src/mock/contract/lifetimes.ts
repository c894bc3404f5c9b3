import type { ConcreteScope, RequestableScope } from './scopes.ts';

const DAY = 86_400;

/** Lifetimes the API applies, in seconds (JWT NumericDate is seconds, never milliseconds). */
export const LIFETIMES = {
	/** An access token lives 15 minutes; a larger requested `ttl` is clamped to this. */
	accessToken: 900,
	/** A refresh token lives 30 days (720 h) from its issue; each refresh starts a new one. */
	refreshToken: 2_592_000,
	/** A login's family of rotated tokens ends 90 days after the first login, whatever rotation does. */
	family: 7_776_000,
} as const;

/**
 * **[design]** The longest a service token holding each concrete scope may live, in seconds.
 *
 * Reading is cheap to leak and costly to rotate, so read-only scopes get 90 days (one renewal a
 * quarter, like a login family). Sending messages costs money: 30 days (the contract's figure).
 * Changing or deleting configuration is worse: 14 days for adding webhooks, 7 days for deleting
 * devices or webhooks and for writing settings (the contract's figure). Minting tokens is the
 * admin power from which every other follows: 1 day.
 */
const CONCRETE_CAPS = {
	'messages:read': 90 * DAY,
	'messages:list': 90 * DAY,
	'devices:list': 90 * DAY,
	'webhooks:list': 90 * DAY,
	'settings:read': 90 * DAY,
	'logs:read': 90 * DAY,
	'messages:send': 30 * DAY,
	'webhooks:write': 14 * DAY,
	'devices:delete': 7 * DAY,
	'webhooks:delete': 7 * DAY,
	'settings:write': 7 * DAY,
	'tokens:manage': 1 * DAY,
} as const satisfies Record<ConcreteScope, number>;

/**
 * **[design]** Per-scope caps of service token lifetimes, in seconds, for every requestable scope.
 * `all:any` stands for every concrete scope, so its cap is the smallest of theirs.
 */
export const SERVICE_TOKEN_CAPS: Readonly<Record<RequestableScope, number>> = {
	...CONCRETE_CAPS,
	'all:any': Math.min(...Object.values(CONCRETE_CAPS)),
};

/**
 * The longest lifetime a service token with these scopes may have: the smallest cap among them.
 * A scope without a cap (none should exist) counts as the strictest cap, never as unlimited.
 */
export function serviceTokenCap(scopes: readonly string[]): number {
	const strictest = Math.min(...Object.values(SERVICE_TOKEN_CAPS));
	const caps = scopes.map((scope) =>
		Object.hasOwn(SERVICE_TOKEN_CAPS, scope)
			? SERVICE_TOKEN_CAPS[scope as RequestableScope]
			: strictest
	);
	return caps.length === 0 ? strictest : Math.min(...caps);
}
