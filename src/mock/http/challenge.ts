import { BASIC_CHALLENGE, CHALLENGE, type HeaderFact } from '../contract/http.ts';
import type { Endpoint } from '../contract/endpoints.ts';

/**
 * The `WWW-Authenticate` challenge an endpoint's 401 carries: the scheme a client should
 * authenticate with there (RFC 9110 §11.6.1).
 *
 * - Basic only (the operator's endpoints): `Basic`, with realm and charset.
 * - Bearer tokens accepted: `Bearer` (RFC 6750 §3), even where Basic is accepted too, because
 *   a browser answers a `Basic` challenge with its own password dialog.
 * - Credentials in the body or a cookie (the browser session endpoints): none. They are not an
 *   HTTP authentication scheme, and a `Basic` challenge there would open that dialog in the very
 *   page that shows its own login form.
 */
export function challengeOf(endpoint: Pick<Endpoint, 'auth'>): HeaderFact | undefined {
	const schemes: readonly string[] = endpoint.auth.schemes;
	if (schemes.includes('bearer') || schemes.includes('refresh-token')) return CHALLENGE;
	if (schemes.includes('basic')) return BASIC_CHALLENGE;
	return undefined;
}

/** Gives a 401 the endpoint's challenge (or none), whatever the handler put there. */
export function withChallenge(response: Response, endpoint: Pick<Endpoint, 'auth'>): Response {
	if (response.status !== 401) return response;
	const challenge = challengeOf(endpoint);
	if (challenge === undefined) response.headers.delete(CHALLENGE.name);
	else response.headers.set(challenge.name, challenge.value);
	return response;
}
