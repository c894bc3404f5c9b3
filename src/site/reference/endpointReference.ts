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
import { MESSAGE, REQUEST_EXAMPLES } from '../openapi/requestExamples.ts';

/** One header of a request or an answer, as the reference lists it. */
export interface HeaderRow {
	name: string;
	/** The exact value, a pattern, or a placeholder. */
	value: string;
	notes: string;
}

export { REQUEST_EXAMPLES };

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
	/** The frame title: what the command does. */
	title: string;
	code: string;
	statuses: number[];
}

/** Shell-quoted, for a value without variables. */
const quote = (text: string) => `'${text.replaceAll("'", "'\\''")}'`;

/**
 * The variables a command starts with, each set to the local mock's default unless already set
 * (so an exported one wins), in this order; a command sets the ones it uses.
 */
const VARIABLES: readonly { name: string; line: string }[] = [
	{ name: 'API_BASE_URL', line: 'API_BASE_URL=${API_BASE_URL:-http://127.0.0.1:8787}' },
	{ name: 'API_USERNAME', line: 'API_USERNAME=${API_USERNAME:-demo}' },
	{ name: 'API_PASSWORD', line: 'API_PASSWORD=${API_PASSWORD:-demo-password}' },
	{ name: 'NEW_PASSWORD', line: 'NEW_PASSWORD=${NEW_PASSWORD:-demo-password-2}' },
];

/** The shell variable a command reads where a request example has a placeholder. */
const PLACEHOLDER_VARIABLES: Readonly<Record<string, string>> = {
	'<USERNAME>': 'API_USERNAME',
	'<PASSWORD>': 'API_PASSWORD',
	'<NEW_PASSWORD>': 'NEW_PASSWORD',
};

const BASIC = '-u "$API_USERNAME:$API_PASSWORD"';
const JSON_TYPE = "-H 'Content-Type: application/json'";

/** One curl call, its options one per line. */
function curl(method: string, path: string, options: readonly string[], flags = '-i'): string {
	// GET is curl's default; any other method is spelled out.
	const verb = method === 'GET' ? '' : ` -X ${method}`;
	return [`curl ${flags}${verb} "$API_BASE_URL${path}"`, ...options.map((o) => `  ${o}`)].join(
		' \\\n'
	);
}

/**
 * A JSON body's curl options. Fields whose example value is a placeholder (`<PASSWORD>`) are
 * filled from shell variables by jq, so any value is quoted right and nothing is left to edit.
 */
function jsonBody(json: unknown): string[] {
	const fields = Object.entries(json && typeof json === 'object' ? json : {});
	const variable = (value: unknown) =>
		typeof value === 'string' ? PLACEHOLDER_VARIABLES[value] : undefined;
	if (!fields.some(([, value]) => variable(value))) {
		return [JSON_TYPE, `-d ${quote(JSON.stringify(json))}`];
	}
	const args = fields.map(([key, value]) =>
		variable(value)
			? `--arg ${key} "$${variable(value)}"`
			: `--argjson ${key} ${quote(JSON.stringify(value))}`
	);
	const object = `{${fields.map(([key]) => `$${key}`).join(', ')}}`;
	return [JSON_TYPE, `-d "$(jq -n ${args.join(' ')} '${object}')"`];
}

/** A call whose answer only feeds a variable of the next: `NAME=$(curl -sS … | jq -r .field)`. */
interface Capture {
	variable: string;
	code: string;
	status: number;
	/** Scopes the command's access token needs for this call too (it sends with that token). */
	scopes?: readonly string[];
}

const capture = (
	variable: string,
	field: string,
	call: string,
	status: number,
	scopes?: readonly string[]
): Capture => ({
	variable,
	code: `${variable}=$(${call} | jq -r .${field})`,
	status,
	...(scopes ? { scopes } : {}),
});

/** A token pair of `scopes`, for its `field` (access_token, refresh_token or id). */
const issuePair = (variable: string, field: string, scopes: readonly string[]) =>
	capture(
		variable,
		field,
		curl('POST', '/3rdparty/v1/auth/token', [BASIC, ...jsonBody({ scopes })], '-sS'),
		201
	);

/** The login body, from the account's variables. */
const LOGIN_BODY = jsonBody(REQUEST_EXAMPLES['login']);

/**
 * How each path parameter gets a real value: a call that creates the thing it names. An endpoint
 * with a parameter missing here fails tests/site/reference (its command could not run as pasted).
 */
const PATH_VALUES: Partial<Record<EndpointId, Record<string, Capture>>> = {
	revokeToken: { jti: issuePair('TOKEN_ID', 'id', ['messages:send']) },
	renewServiceToken: {
		id: capture(
			'SERVICE_TOKEN_ID',
			'id',
			curl(
				'POST',
				'/3rdparty/v1/service-tokens',
				[BASIC, ...jsonBody(REQUEST_EXAMPLES.createServiceToken)],
				'-sS'
			),
			201
		),
	},
	getMessage: {
		id: capture(
			'MESSAGE_ID',
			'id',
			curl(
				'POST',
				'/3rdparty/v1/messages',
				['-H "Authorization: Bearer $ACCESS_TOKEN"', ...jsonBody(MESSAGE)],
				'-sS'
			),
			202,
			['messages:send']
		),
	},
};

/**
 * The cURL example of an endpoint: its success, runnable exactly as pasted into bash against
 * `npm run mock-api`. Variables at the top carry the mock's defaults (an exported `API_BASE_URL`
 * wins), and every token, id or cookie the request needs is captured from a call before it; no
 * placeholder is left to edit. Built from the endpoint's contract entry (its auth schemes, scope,
 * path parameters and request example), so a new endpoint gets one too.
 */
export function curlExample(endpoint: Endpoint): CurlExample {
	const id = endpoint.id as EndpointId;
	const { schemes, scope } = endpoint.auth;
	const setup: Capture[] = [];
	const options: string[] = [];
	const flags = ['-i'];

	// Path parameters first: the calls that create what they name may need the access token too.
	let path = endpoint.path;
	const pathSetup: Capture[] = [];
	for (const name of [...path.matchAll(/:(\w+)/g)].map((match) => match[1] ?? '')) {
		const value = PATH_VALUES[id]?.[name];
		if (!value) {
			throw new Error(
				`curlExample(${id}): no way to get a value for :${name}; add one to PATH_VALUES in src/site/reference/endpointReference.ts`
			);
		}
		pathSetup.push(value);
		path = path.replace(`:${name}`, `$${value.variable}`);
	}

	if (schemes.includes('refresh-token')) {
		setup.push(issuePair('REFRESH_TOKEN', 'refresh_token', ['messages:send']));
		options.push('-H "Authorization: Bearer $REFRESH_TOKEN"');
	} else if (schemes.includes('bearer') && scope !== undefined && scope !== 'tokens:manage') {
		// Calls an app makes with a token show the token; managing tokens takes the password.
		const scopes = new Set([...pathSetup.flatMap((step) => step.scopes ?? []), scope]);
		setup.push(issuePair('ACCESS_TOKEN', 'access_token', [...scopes]));
		options.push('-H "Authorization: Bearer $ACCESS_TOKEN"');
	} else if (schemes.includes('basic')) {
		options.push(BASIC);
	}
	if (schemes.includes('refresh-cookie')) {
		// A session first: its cookie goes into a jar that the call then sends and updates.
		setup.push({
			variable: '',
			code: curl('POST', '/auth/login', LOGIN_BODY, '-sS -o /dev/null -c cookies.txt'),
			status: 200,
		});
		flags.push('-b cookies.txt -c cookies.txt');
	}
	if (endpoint.errors.includes('csrfHeaderRequired')) {
		options.push(`-H ${quote(factText('header.csrf'))}`);
	}
	setup.push(...pathSetup);

	if (schemes.includes('password')) {
		options.push(...LOGIN_BODY);
		flags.push('-c cookies.txt');
	} else {
		const json = REQUEST_EXAMPLES[id];
		if (json !== undefined) options.push(...jsonBody(json));
	}
	const commands = [
		...setup.map((step) => step.code),
		curl(endpoint.method, path, options, flags.join(' ')),
	].join('\n');
	const variables = VARIABLES.filter(({ name }) => commands.includes(`$${name}`));
	return {
		title: endpoint.summary.replace(/\s*\(.*\)$/, ''),
		code: [...variables.map(({ line }) => line), commands].join('\n'),
		statuses: [...setup.map((step) => step.status), endpoint.success.status],
	};
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

/** A header the reference describes once, at the top, rather than under every endpoint. */
export interface SharedHeader extends HeaderRow {
	/** On which answers: `every answer`, `401 answers`… */
	on: string;
}

const rowKey = (row: Pick<HeaderRow, 'name' | 'value'>) => `${row.name}: ${row.value}`;

/**
 * The response headers most endpoints declare with the same value (`Date`, `Cache-Control:
 * no-store`, `WWW-Authenticate` on a 401): the reference lists them once, and each endpoint only
 * what it adds. Read from the document, so a header most answers gain moves up by itself.
 */
export function sharedHeaders(endpoints: readonly Endpoint[]): SharedHeader[] {
	const answers: { endpoint: string; status: number; rows: Set<string> }[] = [];
	const rows = new Map<string, HeaderRow>();
	for (const endpoint of endpoints) {
		const responses = operationOf(endpoint)['responses'] as Record<string, Json>;
		for (const status of Object.keys(responses)
			.filter((key) => /^\d+$/.test(key))
			.map(Number)) {
			const headers = responseHeaders(endpoint, status);
			for (const row of headers) rows.set(rowKey(row), row);
			answers.push({ endpoint: endpoint.id, status, rows: new Set(headers.map(rowKey)) });
		}
	}
	const shared: SharedHeader[] = [];
	for (const [key, row] of rows) {
		const carrying = answers.filter((answer) => answer.rows.has(key));
		if (new Set(carrying.map((answer) => answer.endpoint)).size <= endpoints.length / 2) continue;
		const errors = answers.filter((answer) => answer.status >= 400);
		const statuses = new Set(carrying.map((answer) => answer.status));
		const on =
			carrying.length === answers.length
				? 'Every answer'
				: statuses.size === 1
					? `Every ${[...statuses][0]} answer`
					: errors.every((answer) => answer.rows.has(key))
						? 'Every error, and the successes that list it'
						: 'The answers that list it';
		shared.push({ ...row, on });
	}
	return shared;
}

/** Whether a response header of an endpoint is one of the shared ones. */
export function isShared(row: HeaderRow, shared: readonly SharedHeader[]): boolean {
	return shared.some((header) => rowKey(header) === rowKey(row));
}
