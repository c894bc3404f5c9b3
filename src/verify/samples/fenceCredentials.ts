import type { Placeholder } from '../../mock/contract/placeholders.ts';
import { ENDPOINTS, type Endpoint } from '../../mock/contract/endpoints.ts';
import type { MockApi } from '../../mock/createMockApi.ts';
import { basicAuthorization, callMock } from './callMock.ts';

/** The path of the service-token endpoint, if the mock has one. */
function serviceTokenPath(): string | undefined {
	const endpoints: readonly Endpoint[] = ENDPOINTS;
	return endpoints.find((endpoint) => endpoint.id === 'createServiceToken')?.path;
}

/**
 * Real values for a fence's placeholders, minted fresh from the mock with its first account: a
 * token pair of `scopes`, and a service token when the fence uses `<SERVICE_TOKEN>`.
 * `<TOKEN_ID>` is the service token's id where the fence addresses `service-tokens/<TOKEN_ID>`,
 * else the pair's `id`.
 */
export async function fenceCredentials(
	api: MockApi,
	baseUrl: string,
	scopes: readonly string[],
	code: string
): Promise<Partial<Record<Placeholder, string>>> {
	const account = api.accounts[0];
	if (!account) throw new Error('the mock has no account to mint tokens with');
	const authorization = basicAuthorization(account.username, account.password);
	const issued = await callMock(api, 'POST', '/3rdparty/v1/auth/token', {
		authorization,
		json: { scopes },
	});
	if (issued.status !== 201) {
		throw new Error(
			`could not issue a token pair for the fence: ${issued.status} ${await issued.text()}`
		);
	}
	const pair = (await issued.json()) as { id: string; access_token: string; refresh_token: string };
	const values: Partial<Record<Placeholder, string>> = {
		'<API_BASE_URL>': baseUrl,
		'<USERNAME>': account.username,
		'<PASSWORD>': account.password,
		'<BASIC_CREDENTIALS>': authorization.slice('Basic '.length),
		'<ACCESS_TOKEN>': pair.access_token,
		'<REFRESH_TOKEN>': pair.refresh_token,
		'<TOKEN_ID>': pair.id,
	};
	if (!code.includes('<SERVICE_TOKEN>') && !code.includes('service-tokens/<TOKEN_ID>')) {
		return values;
	}
	const path = serviceTokenPath();
	if (path === undefined) {
		throw new Error(
			'the fence uses a service token, but the mock has no createServiceToken endpoint'
		);
	}
	const minted = await callMock(api, 'POST', path, {
		authorization,
		json: { name: 'docs-sample', scopes },
	});
	if (minted.status !== 201) {
		throw new Error(
			`could not mint a service token for the fence: ${minted.status} ${await minted.text()}`
		);
	}
	const service = (await minted.json()) as { id: string; token: string };
	values['<SERVICE_TOKEN>'] = service.token;
	if (code.includes('service-tokens/<TOKEN_ID>')) values['<TOKEN_ID>'] = service.id;
	return values;
}
