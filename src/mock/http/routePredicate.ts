import { matchRequestUrl, type HttpCustomPredicate, type PathParams } from 'msw';
import { ENDPOINTS, MAX_URL_LENGTH } from '../contract/endpoints.ts';

/** The bearer API's prefix; its unknown paths are the mock's to answer with 404. */
export const API_PREFIX = '/3rdparty/v1/';

/** Contract paths without parameters: a parameter never captures one of them. */
const LITERAL_PATHS = [...new Set(ENDPOINTS.map(({ path }) => path))].filter(
	(path) => !path.includes('/:')
);

/**
 * Whether a URL is a contract path, with its parameters.
 *
 * Bearer API paths match under any prefix (`*` + path), as clients may mount the API anywhere.
 * Session paths (`/auth/…`) match only at the root of an origin: the `refresh_token` cookie is
 * scoped to `Path=/auth`, so a browser would never send it to `/docs/auth/refresh`, and the docs
 * site's own URLs (in whose service worker these handlers run) stay untouched. It also keeps
 * `POST /3rdparty/v1/auth/login` an unknown API path (404) rather than a login.
 *
 * A literal path wins over a parameter: `/auth/token/refresh` is the refresh endpoint's path, so
 * `DELETE` on it is a 405, not the revocation of a token whose `jti` is "refresh". A URL longer
 * than {@link MAX_URL_LENGTH} matches nothing (MSW's matcher throws on those; the URL guard
 * answers them).
 */
export function matchPath(url: URL, path: string): PathMatch {
	const href = url.href;
	let byPath = matches.get(href);
	if (byPath === undefined) {
		if (matches.size >= MATCHES_KEPT) matches.clear();
		byPath = new Map();
		matches.set(href, byPath);
	}
	let match = byPath.get(path);
	if (match === undefined) {
		match = matchUncached(url, path);
		byPath.set(path, match);
	}
	return { matches: match.matches, params: { ...match.params } };
}

type PathMatch = { matches: boolean; params: PathParams };

/**
 * Matches already made, by URL and contract path. Every request is matched against the paths of
 * the handlers before the one that answers it (and the 405 fallback against all of them), and
 * MSW's matcher compiles its pattern on each call: a mock answering the same few URLs over and
 * over would spend most of its time there. A match depends on nothing but the URL and the path.
 * Bounded, as URLs can be anything: past {@link MATCHES_KEPT} URLs it starts afresh.
 */
const matches = new Map<string, Map<string, PathMatch>>();
const MATCHES_KEPT = 256;

function matchUncached(url: URL, path: string): PathMatch {
	const none = { matches: false, params: {} };
	if (url.href.length > MAX_URL_LENGTH) return none;
	// MSW forgives a trailing slash; the contract (and its OpenAPI document) does not.
	if (url.pathname.endsWith('/') && !path.endsWith('/')) return none;
	// An encoded slash is data, not a separator (RFC 3986 §2.2): `/auth%2Frefresh` is one segment
	// and no contract path, on every surface alike (MSW's matcher decodes it on some), while an id
	// may hold one. So the raw path must have the template's segments.
	if (!rawShape(path).test(url.pathname)) return none;
	const match = matchRequestUrl(url, pattern(url, path));
	if (!match.matches) return none;
	if (path.includes('/:')) {
		const literal = LITERAL_PATHS.find(
			(other) => matchRequestUrl(url, pattern(url, other)).matches
		);
		if (literal !== undefined) return none;
	}
	return { matches: true, params: match.params ?? {} };
}

/** Matches a contract path on any origin, so one handler serves every transport. */
export function routePredicate(path: string): HttpCustomPredicate<PathParams> {
	return ({ request }) => matchPath(new URL(request.url), path);
}

/**
 * The methods the contract defines for a URL's path (empty: not a contract path), `HEAD` after
 * each `GET` (RFC 9110 §9.3.2: wherever `GET` works).
 */
export function allowedMethods(url: URL): string[] {
	const methods = ENDPOINTS.filter(({ path }) => matchPath(url, path).matches).flatMap(
		({ method }) => (method === 'GET' ? ['GET', 'HEAD'] : [method])
	);
	return [...new Set(methods)];
}

/** Whether a URL is under the bearer API's prefix, where an unknown path is the mock's 404. */
export function isApiPath(url: URL): boolean {
	return url.pathname.includes(API_PREFIX);
}

const shapes = new Map<string, RegExp>();

/** A contract path's segments as a pattern over the raw (still encoded) path: `:id` is `[^/]+`. */
function rawShape(path: string): RegExp {
	let shape = shapes.get(path);
	if (shape === undefined) {
		const segments = path
			.split('/')
			.map((segment) =>
				segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
			);
		// Bearer API paths may sit under a prefix; session paths only at the root.
		shape = new RegExp(`${path.startsWith(API_PREFIX) ? '' : '^'}${segments.join('/')}$`);
		shapes.set(path, shape);
	}
	return shape;
}

function pattern(url: URL, path: string): string {
	return path.startsWith(API_PREFIX) ? `*${path}` : `${url.origin}${path}`;
}
