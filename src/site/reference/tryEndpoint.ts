/**
 * What a reference section's Try it button does: the endpoint's request, as its cURL command makes
 * it, sent with `fetch` to the in-page mock. Whatever it needs first (a token, a session, the id a
 * path names) is obtained by setup calls, which the panel labels as such; the answer is returned
 * as its status and body. Built from the contract entry, like the cURL command, so every endpoint
 * has one.
 */
import { basicAuth } from '../../../examples/service-tokens/create-service-token.ts';
import { ENDPOINTS, type Endpoint, type EndpointId } from '../../mock/contract/endpoints.ts';
import { CSRF_HEADER } from '../../mock/contract/http.ts';
import { PATH_SOURCES, REQUEST_EXAMPLES } from '../openapi/requestExamples.ts';

/** What a Try it run has to work with (the runner's context). */
export interface TryContext {
	baseUrl: string;
	credentials: { username: string; password: string };
	/** Runs a call the reader did not ask for, labelled "setup" in the panel. */
	setup<T>(work: () => Promise<T>): Promise<T>;
}

/** The answer, as the panel shows it. */
export interface TryAnswer {
	status: number;
	body: unknown;
}

const endpointById = (id: EndpointId): Endpoint => {
	const found = ENDPOINTS.find((endpoint) => endpoint.id === id);
	if (!found) throw new Error(`no endpoint ${id}`);
	return found;
};

/** The password a Try it of the password change sets (and then sets back). */
const newPassword = (credentials: TryContext['credentials']) => `${credentials.password}-2`;

/** The example body of an endpoint, with the demo account where the example has placeholders. */
function exampleBody(id: EndpointId, credentials: TryContext['credentials']): unknown {
	const example = REQUEST_EXAMPLES[id];
	if (example === undefined) return undefined;
	return JSON.parse(
		JSON.stringify(example)
			.replaceAll('<USERNAME>', credentials.username)
			.replaceAll('<PASSWORD>', credentials.password)
			.replaceAll('<NEW_PASSWORD>', newPassword(credentials))
	) as unknown;
}

/**
 * Sends one endpoint's request, preceded by the calls that get what it needs; throws when a
 * setup call fails (the reader's request is never sent then).
 */
export async function tryEndpoint(id: EndpointId, context: TryContext): Promise<TryAnswer> {
	const { baseUrl, credentials, setup } = context;
	const endpoint = endpointById(id);
	const { schemes, scope } = endpoint.auth;
	const basic = basicAuth(credentials.username, credentials.password);

	async function call(
		target: Endpoint,
		options: {
			authorization?: string | undefined;
			path?: string;
			body?: unknown;
			headers?: Record<string, string>;
		}
	): Promise<Response> {
		const headers: Record<string, string> = { ...options.headers };
		if (options.authorization) headers['Authorization'] = options.authorization;
		if (options.body !== undefined) headers['Content-Type'] = 'application/json';
		return fetch(`${baseUrl}${options.path ?? target.path}`, {
			method: target.method,
			headers,
			credentials: 'same-origin',
			...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
		});
	}
	async function prepared(response: Response, what: string): Promise<Record<string, unknown>> {
		if (!response.ok) throw new Error(`setup failed: ${what} answered ${response.status}`);
		return (await response.json()) as Record<string, unknown>;
	}
	const issuePair = (scopes: readonly string[]) =>
		setup(async () =>
			prepared(
				await call(endpointById('issueTokenPair'), { authorization: basic, body: { scopes } }),
				'issuing a token pair'
			)
		);

	// What the path names, created first; a message is sent with the access token below.
	const needsMessage = Object.values(PATH_SOURCES[id] ?? {}).some(
		(source) => source.endpoint === 'sendMessage'
	);
	let authorization: string | undefined;
	if (schemes.includes('refresh-token')) {
		authorization = `Bearer ${String((await issuePair(['messages:send']))['refresh_token'])}`;
	} else if (schemes.includes('bearer') && scope !== undefined && scope !== 'tokens:manage') {
		const scopes = needsMessage ? ['messages:send', scope] : [scope];
		authorization = `Bearer ${String((await issuePair([...new Set(scopes)]))['access_token'])}`;
	} else if (schemes.includes('basic')) {
		authorization = basic;
	}
	if (schemes.includes('refresh-cookie')) {
		await setup(async () =>
			prepared(
				await call(endpointById('login'), { body: exampleBody('login', credentials) }),
				'logging in'
			)
		);
	}

	let path = endpoint.path;
	for (const [name, source] of Object.entries(PATH_SOURCES[id] ?? {})) {
		const creator = endpointById(source.endpoint);
		const created = await setup(async () =>
			prepared(
				await call(creator, {
					authorization:
						creator.id === 'issueTokenPair' || creator.id === 'createServiceToken'
							? basic
							: authorization,
					body:
						creator.id === 'issueTokenPair'
							? { scopes: ['messages:send'] }
							: exampleBody(creator.id as EndpointId, credentials),
				}),
				`${creator.method} ${creator.path}`
			)
		);
		path = path.replace(`:${name}`, encodeURIComponent(String(created[source.field])));
	}

	const response = await call(endpoint, {
		path,
		...(authorization ? { authorization } : {}),
		body: exampleBody(id, credentials),
		headers: endpoint.errors.includes('csrfHeaderRequired')
			? { [CSRF_HEADER.name]: CSRF_HEADER.value }
			: {},
	});
	const text = await response.text();
	if (id === 'changePassword' && response.ok) {
		// The mock in this page serves every panel with the demo account: put its password back.
		await setup(async () =>
			call(endpoint, {
				authorization: `Basic ${btoa(`${credentials.username}:${newPassword(credentials)}`)}`,
				body: { new_password: credentials.password },
			})
		);
	}
	return { status: response.status, body: text === '' ? null : (JSON.parse(text) as unknown) };
}
