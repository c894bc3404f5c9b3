/**
 * The request body each endpoint's examples send: the API reference shows them, its cURL
 * commands send them to the mock (tests/site/reference checks the mock accepts each), and the
 * OpenAPI document offers them as request examples.
 */
import type { EndpointId } from '../../mock/contract/endpoints.ts';

/** The message every example sends. */
export const MESSAGE = {
	phoneNumbers: ['+15555550100'],
	textMessage: { text: 'Your code is 1234' },
};

/** The request body each endpoint's example sends (checked against its schema by a test). */
export const REQUEST_EXAMPLES: Partial<Record<EndpointId, unknown>> = {
	issueTokenPair: { scopes: ['messages:send', 'messages:read'] },
	createServiceToken: { name: 'billing-sync', scopes: ['messages:send'], ttl: 604_800 },
	renewServiceToken: {},
	sendMessage: MESSAGE,
	login: { username: '<USERNAME>', password: '<PASSWORD>' },
	changePassword: { new_password: '<NEW_PASSWORD>' },
};

/**
 * Where a path parameter's value comes from: the endpoint whose answer creates what it names, and
 * the field of that answer. The OpenAPI document's parameter examples, the reference's cURL
 * commands and its Try it panels all follow it.
 */
export const PATH_SOURCES: Partial<
	Record<EndpointId, Record<string, { endpoint: EndpointId; field: string }>>
> = {
	revokeToken: { jti: { endpoint: 'issueTokenPair', field: 'id' } },
	renewServiceToken: { id: { endpoint: 'createServiceToken', field: 'id' } },
	getMessage: { id: { endpoint: 'sendMessage', field: 'id' } },
};
