import { matchRequestUrl, type HttpCustomPredicate, type PathParams } from 'msw';

/** The bearer API's prefix; its unknown paths are the mock's to answer with 404. */
export const API_PREFIX = '/3rdparty/v1/';

/**
 * Matches a contract path on any origin, so one handler serves `msw/node`, the service worker and
 * the local HTTP server.
 *
 * Bearer API paths match under any prefix (`*` + path), as clients may mount the API anywhere.
 * Session paths (`/auth/…`) match only at the root of an origin: the `refresh_token` cookie is
 * scoped to `Path=/auth`, so a browser would never send it to `/docs/auth/refresh`, and the docs
 * site's own URLs (in whose service worker these handlers run) stay untouched. It also keeps
 * `POST /3rdparty/v1/auth/login` an unknown API path (404) rather than a login.
 */
export function routePredicate(path: string): HttpCustomPredicate<PathParams> {
	const anyPrefix = path.startsWith(API_PREFIX);
	return ({ request }) => {
		const url = new URL(request.url);
		const match = matchRequestUrl(url, anyPrefix ? `*${path}` : `${url.origin}${path}`);
		return { matches: match.matches, params: match.params ?? {} };
	};
}
