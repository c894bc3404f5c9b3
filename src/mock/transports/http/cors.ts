import { ENDPOINTS } from '../../contract/endpoints.ts';

/** Request headers the API reads; a browser may send them cross-origin. */
export const CORS_ALLOWED_HEADERS = ['Authorization', 'Content-Type', 'X-CSRF'] as const;

/** Response headers a browser script may read besides the CORS-safelisted ones. */
const EXPOSED_HEADERS = ['Date', 'WWW-Authenticate', 'Allow'] as const;

/**
 * Headers added to every response, so a reader can call the local mock from a browser tool on any
 * origin. `*` without credentials: `Authorization` works cross-origin, cookies do not (the session
 * cookie is `SameSite=Strict` anyway).
 */
export const CORS_HEADERS: Readonly<Record<string, string>> = {
	'Access-Control-Allow-Origin': '*',
	'Access-Control-Expose-Headers': EXPOSED_HEADERS.join(', '),
};

/** Whether a request is a CORS preflight rather than a real `OPTIONS` call. */
export function isPreflight(method: string | undefined, headers: Record<string, unknown>): boolean {
	return method === 'OPTIONS' && typeof headers['access-control-request-method'] === 'string';
}

/** The answer to a preflight: every method the contract uses, the headers the API reads. */
export function preflightResponse(): Response {
	const methods = new Set<string>(ENDPOINTS.map((endpoint) => endpoint.method));
	methods.add('POST'); // the mock controls
	return new Response(null, {
		status: 204,
		headers: {
			'Access-Control-Allow-Methods': [...methods].sort().join(', '),
			'Access-Control-Allow-Headers': CORS_ALLOWED_HEADERS.join(', '),
			'Access-Control-Max-Age': '600',
		},
	});
}
