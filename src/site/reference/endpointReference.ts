/**
 * What the API reference shows for one endpoint beyond its contract entry: the headers of each
 * answer (read from the OpenAPI document, so page and document say the same), a request example,
 * and a cURL command. The commands run against the mock's HTTP server in `npm test`
 * (tests/site/reference/), exactly like the cURL fences of the pages.
 */
import type { Endpoint, EndpointId } from '../../mock/contract/endpoints.ts';
import { REFRESH_COOKIE } from '../../mock/contract/http.ts';
import { WILDCARD_SCOPE } from '../../mock/contract/scopes.ts';
import { factMarkdown, factText } from '../facts.ts';
import { openApiDocument, openApiPath, schemaName, type Json } from '../openapi/openApiDocument.ts';

/** One header of a request or an answer, as the reference lists it. */
export interface HeaderRow {
	name: string;
	/** The exact value, a pattern, or a placeholder. */
	value: string;
	notes: string;
}

const MESSAGE = { phoneNumbers: ['+15555550100'], textMessage: { text: 'Your code is 1234' } };
const LOGIN = { username: '<USERNAME>', password: '<PASSWORD>' };

/** The request body each endpoint's example sends (checked against its schema by a test). */
export const REQUEST_EXAMPLES: Partial<Record<EndpointId, unknown>> = {
	issueTokenPair: { scopes: ['messages:send', 'messages:read'] },
	createServiceToken: { name: 'billing-sync', scopes: ['messages:send'], ttl: 604_800 },
	renewServiceToken: {},
	sendMessage: MESSAGE,
	login: LOGIN,
	changePassword: { new_password: '<NEW_PASSWORD>' },
};

const document = openApiDocument();

function operationOf(endpoint: Endpoint): Json {
	const item = (document['paths'] as Record<string, Json>)[openApiPath(endpoint.path)] as Json;
	return item[endpoint.method.toLowerCase()] as Json;
}

/** The headers the document declares for one status of an endpoint. */
export function responseHeaders(endpoint: Endpoint, status: number): HeaderRow[] {
	const responses = operationOf(endpoint)['responses'] as Record<string, Json>;
	const headers = (responses[String(status)]?.['headers'] ?? {}) as Record<string, Json>;
	return Object.entries(headers).map(([name, spec]) => {
		const schema = spec['schema'] as Json;
		const value = typeof schema['const'] === 'string' ? schema['const'] : '';
		return { name, value, notes: String(spec['description'] ?? '') };
	});
}

/** The headers a request to the endpoint sends, in words. */
export function requestHeaders(endpoint: Endpoint): HeaderRow[] {
	const rows: HeaderRow[] = [];
	const { schemes, scope } = endpoint.auth;
	if (schemes.includes('basic')) {
		rows.push({
			name: 'Authorization',
			value: 'Basic <BASIC_CREDENTIALS>',
			notes: schemes.includes('bearer')
				? '`base64(username:password)`; or a bearer token, see below.'
				: '`base64(username:password)`, UTF-8. No token is accepted here.',
		});
	}
	if (schemes.includes('bearer')) {
		rows.push({
			name: 'Authorization',
			value: 'Bearer <ACCESS_TOKEN>',
			notes: `An access or service token${scope ? ` with \`${scope}\` (or ${factMarkdown(`scope.${WILDCARD_SCOPE}`)})` : ''}.`,
		});
	}
	if (schemes.includes('refresh-token')) {
		rows.push({
			name: 'Authorization',
			value: 'Bearer <REFRESH_TOKEN>',
			notes: `The refresh token of the latest pair; it is spent by the ${factMarkdown('status.refreshTokenPair', 'code')}.`,
		});
	}
	if (schemes.includes('refresh-cookie')) {
		rows.push({
			name: 'Cookie',
			value: `${REFRESH_COOKIE.name}=<REFRESH_TOKEN>`,
			notes: `Sent by the browser from the ${factMarkdown('cookie.httpOnly')} cookie; page scripts never see it.`,
		});
	}
	for (const parameter of (operationOf(endpoint)['parameters'] ?? []) as Json[]) {
		if (parameter['in'] !== 'header') continue;
		const schema = parameter['schema'] as Json;
		rows.push({
			name: String(parameter['name']),
			value: String(schema['const'] ?? ''),
			notes: `Required. ${String(parameter['description'] ?? '')}`,
		});
	}
	if (endpoint.request) {
		rows.push({ name: 'Content-Type', value: 'application/json', notes: 'Bodies are UTF-8 JSON.' });
	}
	return rows;
}

/** A cURL command for the endpoint and the status each of its requests gets, in order. */
export interface CurlExample {
	code: string;
	statuses: number[];
}

const quote = (text: string) => `'${text.replaceAll("'", "'\\''")}'`;

function request(
	method: string,
	path: string,
	options: { auth?: string[]; json?: unknown; flags?: string[] } = {}
): string {
	const lines = [`curl -i -X ${method} ${quote(`<API_BASE_URL>${path}`)}`];
	for (const flag of options.flags ?? []) lines.push(`  ${flag}`);
	for (const auth of options.auth ?? []) lines.push(`  ${auth}`);
	if (options.json !== undefined) {
		lines.push(`  -H 'Content-Type: application/json'`);
		lines.push(`  -d ${quote(JSON.stringify(options.json))}`);
	}
	return lines.join(' \\\n');
}

const BASIC = `-u '<USERNAME>:<PASSWORD>'`;
const login = (jar: string) =>
	request('POST', '/auth/login', { json: LOGIN, flags: [`-s -o /dev/null -c ${jar}`] }).replace(
		'curl -i ',
		'curl '
	);

/** The cURL example of an endpoint: its success, with any call it needs first. */
export function curlExample(endpoint: Endpoint): CurlExample {
	const path = endpoint.path;
	const json = REQUEST_EXAMPLES[endpoint.id as EndpointId];
	const success = endpoint.success.status;
	switch (endpoint.id as EndpointId) {
		case 'refreshTokenPair':
			return {
				code: request('POST', path, { auth: [`-H 'Authorization: Bearer <REFRESH_TOKEN>'`] }),
				statuses: [success],
			};
		case 'revokeToken':
			return {
				code: request('DELETE', path.replace(':jti', '<TOKEN_ID>'), { auth: [BASIC] }),
				statuses: [success],
			};
		case 'renewServiceToken':
			return {
				code: request('POST', path.replace(':id', '<TOKEN_ID>'), { auth: [BASIC], json }),
				statuses: [success],
			};
		case 'getJwks':
			return { code: request('GET', path), statuses: [success] };
		case 'sendMessage':
			return {
				code: request('POST', path, { auth: [`-H 'Authorization: Bearer <ACCESS_TOKEN>'`], json }),
				statuses: [success],
			};
		case 'getMessage': {
			// A message id exists only once a message is sent: send one, keep its id, read it.
			const send = request('POST', '/3rdparty/v1/messages', {
				auth: [`-H 'Authorization: Bearer <ACCESS_TOKEN>'`],
				json: MESSAGE,
			}).replace('curl -i ', 'curl -s ');
			return {
				code: [
					`id=$(${send} | sed -E 's/.*"id":"([^"]+)".*/\\1/')`,
					request('GET', '/3rdparty/v1/messages/$id', {
						auth: [`-H 'Authorization: Bearer <ACCESS_TOKEN>'`],
					}).replace(
						`'<API_BASE_URL>/3rdparty/v1/messages/$id'`,
						`"<API_BASE_URL>/3rdparty/v1/messages/$id"`
					),
				].join('\n'),
				statuses: [202, success],
			};
		}
		case 'login':
			return {
				code: request('POST', path, { json, flags: ['-c cookies.txt'] }),
				statuses: [success],
			};
		case 'refreshSession':
		case 'logout':
			return {
				code: [
					login('cookies.txt'),
					request('POST', path, {
						flags: ['-b cookies.txt -c cookies.txt'],
						auth: endpoint.errors.includes('csrfHeaderRequired')
							? [`-H '${factText('header.csrf')}'`]
							: [],
					}),
				].join('\n'),
				statuses: [200, success],
			};
		default:
			return {
				code: request(endpoint.method, path, {
					auth: [BASIC],
					...(json === undefined ? {} : { json }),
				}),
				statuses: [success],
			};
	}
}

/**
 * The recorded sample that shows an endpoint's success: its own, or else one of another endpoint
 * with the same body schema (a session refresh answers what a login does).
 */
export function successSample(
	endpoint: Endpoint,
	samples: Readonly<Record<string, { endpoint: string; status: number; schema: string }>>
): { name: string; shared: boolean } | undefined {
	const entries = Object.entries(samples);
	const own = entries.find(
		([, sample]) => sample.endpoint === endpoint.id && sample.status === endpoint.success.status
	);
	if (own) return { name: own[0], shared: false };
	const body = endpoint.success.body;
	if (!body) return undefined;
	const name = schemaName(body);
	const shared = entries.find(([, sample]) => sample.status < 300 && sample.schema === name);
	return shared ? { name: shared[0], shared: true } : undefined;
}

/** The path parameters of an endpoint, as the document declares them. */
export function pathParameterRows(endpoint: Endpoint): { name: string; notes: string }[] {
	return ((operationOf(endpoint)['parameters'] ?? []) as Json[])
		.filter((parameter) => parameter['in'] === 'path')
		.map((parameter) => ({
			name: String(parameter['name']),
			notes: String(parameter['description'] ?? ''),
		}));
}
