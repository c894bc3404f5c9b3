import type { Endpoint } from '../../mock/contract/endpoints.ts';
import { REFRESH_SCOPE, WILDCARD_SCOPE } from '../../mock/contract/scopes.ts';
import { factMarkdown } from '../facts.ts';

/** Says in words who may call an endpoint, from its contract entry. */
export function describeAuth(auth: Endpoint['auth']): string {
	const scope = auth.scope ? ` with \`${auth.scope}\`` : '';
	const parts = auth.schemes.map((scheme: string) => {
		switch (scheme) {
			case 'none':
				return 'None';
			case 'basic':
				return auth.schemes.includes('bearer')
					? `Basic credentials (${factMarkdown(`scope.${WILDCARD_SCOPE}`)})`
					: 'Basic credentials only: the account’s username and password, never a token';
			case 'bearer':
				return `Bearer access token${scope}`;
			case 'refresh-token':
				return `Bearer refresh token (carries ${factMarkdown(`scope.${REFRESH_SCOPE}`)}; ${factMarkdown(`scope.${WILDCARD_SCOPE}`)} does not count)`;
			case 'password':
				return 'The account’s `username` and `password` in the JSON body (no `Authorization` header)';
			case 'refresh-cookie':
				return `The session’s ${factMarkdown('cookie.name')} cookie, which the browser sends by itself (${factMarkdown('cookie.httpOnly')}: page scripts cannot read it)`;
			default:
				return scheme;
		}
	});
	return parts.join(', or ');
}
