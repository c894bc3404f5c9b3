import { matchRequestUrl } from 'msw';
import { API_ERRORS, type ApiErrorId } from '../../../src/mock/contract/errors.ts';
import { ENDPOINTS, type Endpoint } from '../../../src/mock/contract/endpoints.ts';
import { ErrorResponse } from '../../../src/mock/contract/schemas.ts';

const API_PREFIX = '/3rdparty/v1/';
const ENDPOINT_LIST: readonly Endpoint[] = ENDPOINTS;

/** Which endpoint a request reaches, or why none does, judged from the contract alone. */
export type Route =
	| { kind: 'endpoint'; endpoint: Endpoint }
	| { kind: 'wrong-method'; allow: string[] }
	| { kind: 'unknown-path' };

/** Resolves a method and path against `ENDPOINTS` the way the handlers are registered. */
export function routeOf(method: string, path: string): Route {
	const url = new URL(path, 'https://api.token-pair.test');
	const candidates = ENDPOINT_LIST.filter((candidate) => {
		if (!candidate.path.startsWith(API_PREFIX) && url.pathname.includes(API_PREFIX)) return false;
		// The contract's paths have no trailing slash, and one is not forgiven.
		if (url.pathname.endsWith('/')) return false;
		return matchRequestUrl(url, `*${candidate.path}`).matches;
	});
	// A path the contract spells out (`/auth/token/refresh`) is never a parameter's value.
	const literal = candidates.filter((candidate) => !candidate.path.includes('/:'));
	const matching = literal.length > 0 ? literal : candidates;
	// HEAD is answered wherever GET is (RFC 9110 §9.3.2), as the GET endpoint without a body.
	const endpoint = matching.find(
		(candidate) => candidate.method === method || (method === 'HEAD' && candidate.method === 'GET')
	);
	if (endpoint) return { kind: 'endpoint', endpoint };
	if (matching.length > 0) {
		const allow = matching.flatMap((e) => (e.method === 'GET' ? ['GET', 'HEAD'] : [e.method]));
		return { kind: 'wrong-method', allow };
	}
	return { kind: 'unknown-path' };
}

/** The catalogue errors a route can answer with. */
export function errorsOf(route: Route): readonly ApiErrorId[] {
	if (route.kind === 'wrong-method') return ['methodNotAllowed'];
	if (route.kind === 'unknown-path') return ['routeNotFound'];
	return route.endpoint.errors;
}

/** The statuses the contract allows for a route. */
export function allowedStatuses(route: Route): Set<number> {
	const statuses = new Set<number>(errorsOf(route).map((id) => API_ERRORS[id].status));
	if (route.kind === 'endpoint') statuses.add(route.endpoint.success.status);
	return statuses;
}

/** What is wrong with an error body, judged against the route's catalogue errors; `undefined` if nothing. */
export function errorBodyProblem(route: Route, status: number, body: unknown): string | undefined {
	const parsed = ErrorResponse.safeParse(body);
	if (!parsed.success) return `not the error body shape: ${JSON.stringify(body)}`;
	if (parsed.data.code !== status) return `code ${parsed.data.code} differs from status ${status}`;
	const fits = errorsOf(route).some((id) => {
		const definition = API_ERRORS[id];
		return definition.status === status && templateOf(definition.message).test(parsed.data.message);
	});
	return fits
		? undefined
		: `message "${parsed.data.message}" is none of the route's catalogue errors`;
}

function templateOf(message: string): RegExp {
	const parts = message.split(/\{\w+\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
	return new RegExp(`^${parts.join('.*')}$`, 's');
}

/** Whether an endpoint's success requires a credential at all (its errors include a 401). */
export function requiresCredential(endpoint: Endpoint): boolean {
	return endpoint.errors.includes('unauthorized');
}
