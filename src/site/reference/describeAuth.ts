import type { Endpoint } from '../../mock/contract/endpoints.ts';

/** Says in words who may call an endpoint, from its contract entry. */
export function describeAuth(auth: Endpoint['auth']): string {
	const scope = auth.scope ? ` with \`${auth.scope}\`` : '';
	const parts = auth.schemes.map((scheme: string) => {
		switch (scheme) {
			case 'none':
				return 'None';
			case 'basic':
				return 'Basic credentials (`all:any`)';
			case 'bearer':
				return `Bearer access token${scope}`;
			case 'refresh-token':
				return 'Bearer refresh token (carries `tokens:refresh`; `all:any` does not count)';
			case 'cookie':
				return 'The `refresh_token` cookie';
			default:
				return scheme;
		}
	});
	return parts.join(', or ');
}
