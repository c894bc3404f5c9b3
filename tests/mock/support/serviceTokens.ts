import type { z } from 'zod';
import type { ServiceTokenResponse } from '../../../src/mock/contract/schemas.ts';
import { basic, call } from '../../support/http.ts';

/** What the create and renew endpoints answer on success, as the contract describes it. */
export type ServiceToken = z.infer<typeof ServiceTokenResponse>;

/** `POST /3rdparty/v1/service-tokens`. */
export function createServiceToken(json: unknown, authorization: string = basic()) {
	return call('POST', '/3rdparty/v1/service-tokens', { authorization, json });
}

/** Mints a service token for the demo account, failing the test if that fails. */
export async function mintServiceToken(
	scopes: string[] = ['messages:send', 'messages:read'],
	options: { name?: string; ttl?: number } = {}
): Promise<ServiceToken> {
	const { name = 'flowbot', ttl } = options;
	const result = await createServiceToken(
		ttl === undefined ? { name, scopes } : { name, scopes, ttl }
	);
	if (result.status !== 201) {
		throw new Error(`mint failed: ${result.status} ${JSON.stringify(result.body)}`);
	}
	return result.body as ServiceToken;
}

/** `POST /3rdparty/v1/service-tokens/{id}/renew`, with a JSON body unless `json` is undefined. */
export function renewServiceToken(id: string, json?: unknown, authorization: string = basic()) {
	return call('POST', `/3rdparty/v1/service-tokens/${id}/renew`, {
		authorization,
		...(json === undefined ? {} : { json }),
	});
}

/** `GET /3rdparty/v1/service-tokens`. */
export function listServiceTokens(authorization: string = basic()) {
	return call('GET', '/3rdparty/v1/service-tokens', { authorization });
}
