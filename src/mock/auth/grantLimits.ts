import { BASIC_ONLY_SCOPES } from '../contract/scopes.ts';
import type { Principal } from './authenticate.ts';

/**
 * **[design]** Authority never outlives its grant. A person's credentials (Basic) are the only
 * authority not bounded by a token; whatever a bearer token mints, issues or renews is bounded by
 * that token, in two ways:
 *
 * - it never carries a scope of {@link BASIC_ONLY_SCOPES} (so it can mint nothing in turn);
 * - it expires no later than the bearer token itself: a service token it mints or renews, a pair
 *   it issues and that pair's whole family (every refresh and access token rotated from it).
 *
 * Expiry is a signed claim, so the bound is transitive: a token minted by a token minted by `M`
 * ends by `M`'s `exp` too, and no renewal of one by another can push a lifetime past it.
 */

/** The first scope a principal may not grant because only Basic credentials may; else none. */
export function scopeNeedingBasic(
	principal: Principal,
	scopes: readonly string[]
): string | undefined {
	if (principal.claims === undefined) return undefined;
	return scopes.find((scope) => (BASIC_ONLY_SCOPES as readonly string[]).includes(scope));
}

/**
 * The NumericDate (seconds) after which nothing this principal mints may work: its token's `exp`
 * for a bearer token, none (infinity) for Basic credentials.
 */
export function grantExpiry(principal: Principal): number {
	return principal.claims?.exp ?? Number.POSITIVE_INFINITY;
}

/**
 * The longest lifetime, in seconds from `now`, a principal may give a token whose scopes allow
 * `cap`: the cap, or less if the principal's own token ends sooner.
 */
export function boundedCap(principal: Principal, cap: number, now: number): number {
	return Math.max(0, Math.min(cap, grantExpiry(principal) - now));
}
