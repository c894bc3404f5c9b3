/**
 * The exact messages a client can see for each error of the catalogue, for the Troubleshooting
 * page: a message with a parameter the API fills from its own data (the scope an endpoint
 * requires, a service-token cap) is listed once per value it can take, so a reader who searches
 * for `scope required: tokens:manage` finds it; one the API fills from the request (an unknown
 * field's name) is shown as its template with one example.
 */
import { ENDPOINTS } from '../../mock/contract/endpoints.ts';
import { API_ERRORS, type ApiErrorId, errorBody } from '../../mock/contract/errors.ts';
import { SERVICE_TOKEN_CAPS } from '../../mock/contract/lifetimes.ts';
import { templateWithPlaceholders } from '../../mock/contract/messageTemplate.ts';

/** One message as the page shows it. */
export interface ClientMessage {
	text: string;
	/** An example of a message the request decides, rather than every one the API can send. */
	example?: { template: string };
}

/** Every scope some endpoint answers `scope_required` for: the scope it requires. */
function requiredScopes(): string[] {
	const scopes = ENDPOINTS.filter((endpoint) =>
		(endpoint.errors as readonly string[]).includes('scopeRequired')
	).map((endpoint) => (endpoint.auth as { scope?: string }).scope);
	return [...new Set(scopes.filter((scope): scope is string => scope !== undefined))];
}

/** The values the API itself fills in, per parameter; all of them are listed. */
const OWN_VALUES: Readonly<Record<string, () => readonly (string | number)[]>> = {
	scope: requiredScopes,
	max_ttl: () => [...new Set(Object.values(SERVICE_TOKEN_CAPS))].sort((a, b) => a - b),
};

type Params = Record<string, string | number | readonly string[]>;

/** One example for the parameters the request decides (a field or scope the client sent). */
const REQUEST_EXAMPLES: Partial<Record<ApiErrorId, Params>> = {
	unknownField: { field: 'scope' },
	unknownScope: { scope: 'messages:write' },
	missingScopes: { scopes: ['messages:read'] },
};

/**
 * The parameters of every message a client can get with error `id`: one set per value the API
 * fills in itself, one example set for what the request decides, an empty set for a fixed message.
 */
export function messageParams(id: ApiErrorId): Params[] {
	const template: string = API_ERRORS[id].message;
	const names = [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '');
	if (names.length === 0) return [{}];
	const example = REQUEST_EXAMPLES[id];
	if (example) return [example];
	const [name = ''] = names;
	const values = OWN_VALUES[name]?.() ?? [];
	if (names.length > 1 || values.length === 0) {
		throw new Error(
			`messageParams(${id}): no values for {${names.join('}, {')}}; add them to OWN_VALUES or REQUEST_EXAMPLES in src/site/reference/errorMessages.ts`
		);
	}
	return values.map((value) => ({ [name]: value }));
}

/** The messages a client can get with error `id`, exact and in a stable order. */
export function clientMessages(id: ApiErrorId): ClientMessage[] {
	const template: string = API_ERRORS[id].message;
	return messageParams(id).map((params) => {
		const text = errorBody(id, params).message;
		return REQUEST_EXAMPLES[id]
			? { text, example: { template: templateWithPlaceholders(template) } }
			: { text };
	});
}
