/**
 * Checks one HTTP exchange with the API against the OpenAPI document: the request matches an
 * operation (or is answered as the document's `x-unmatched` says), and the response's status,
 * headers and body are ones the document declares. What the mock sends that the document lacks,
 * a field, a header or a status, is a problem, so the two cannot drift apart unnoticed.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { Exchange } from '../../mock/log/ExchangeLog.ts';
import type { Json } from '../../site/openapi/openApiDocument.ts';

/** Response headers any HTTP message may carry, which an API document does not list. */
const TRANSPORT_HEADERS = new Set([
	'content-type',
	'content-length',
	'connection',
	'keep-alive',
	'transfer-encoding',
]);

/** Paths the mock answers for tests, which are not part of the API. */
const MOCK_CONTROLS = '/__mock/';

/** The logger cuts bodies past 16 KiB with an ellipsis; such a body cannot be parsed. */
const CUT_MARK = '…';

interface Operation {
	method: string;
	template: string;
	pattern: RegExp;
	op: Json;
}

/** The parts of an exchange the validator reads; an `Exchange` of the mock's log has them. */
export type CheckedExchange = Pick<Exchange, 'request' | 'response'>;

export class ExchangeValidator {
	readonly #document: Json;
	readonly #operations: Operation[];
	readonly #ajv: Ajv2020;
	readonly #compiled = new Map<string, ValidateFunction>();

	readonly #extraHeaders: boolean;

	/**
	 * `extraHeaders`: accept response headers the document does not list. A real server behind a
	 * proxy adds its own (`Server`, `Via`, CORS); the mock adds none, so for it they are defects.
	 */
	constructor(document: Json, options: { extraHeaders?: boolean } = {}) {
		this.#document = document;
		this.#extraHeaders = options.extraHeaders ?? false;
		this.#operations = Object.entries(document['paths'] as Record<string, Json>)
			.flatMap(([template, item]) =>
				Object.entries(item).map(([method, op]) => ({
					method: method.toUpperCase(),
					template,
					pattern: new RegExp(`^${template.replace(/\{\w+\}/g, '[^/]+')}$`),
					op: op as Json,
				}))
			)
			.sort((a, b) => templateParams(a.template) - templateParams(b.template));
		this.#ajv = new Ajv2020({ strict: false, allErrors: true });
		addFormats.default(this.#ajv);
		this.#ajv.addSchema(document, 'openapi');
	}

	/** Every way the exchange departs from the document; empty when it conforms. */
	check(exchange: CheckedExchange): string[] {
		const { request, response } = exchange;
		const url = new URL(request.url);
		if (url.pathname.startsWith(MOCK_CONTROLS)) return [];
		const at = `${request.method} ${url.pathname.slice(0, 100)} → ${response.status}`;
		const unmatched = this.#document['x-unmatched'] as Record<string, Json>;
		const anywhere = unmatched['414'];
		// A URL over the limit is refused on every path, before any operation is looked at.
		if (response.status === 414 && anywhere) {
			return this.#checkResponse(at, this.#resolve(anywhere), response);
		}
		const matching = this.#operations.filter((candidate) => this.#matches(candidate, url.pathname));
		// OpenAPI §4.8.8.2: a concrete path matches before a templated one (`/token/refresh`
		// before `/token/{jti}`), and the method is then looked up on that path alone.
		const specific = matching[0]?.template;
		const onPath = matching.filter((candidate) => candidate.template === specific);
		const operation = onPath.find((candidate) => candidate.method === request.method);
		if (!operation) {
			const expected = onPath.length > 0 ? '405' : '404';
			if (String(response.status) !== expected) {
				return [
					`${at}: no operation in the document has this request, so the answer must be ${expected}`,
				];
			}
			const problems = this.#checkResponse(
				at,
				this.#resolve(unmatched[expected] as Json),
				response
			);
			if (expected === '405') {
				const allowed = onPath.map((candidate) => candidate.method).join(', ');
				if (response.headers['allow'] !== allowed) {
					problems.push(
						`${at}: Allow is "${response.headers['allow']}", the document has "${allowed}"`
					);
				}
			}
			return problems;
		}
		const name = `${operation.method} ${operation.template}`;
		const declared = (operation.op['responses'] as Record<string, Json>)[String(response.status)];
		if (!declared) {
			const statuses = Object.keys(operation.op['responses'] as Json).join(', ');
			return [`${at}: status ${response.status} is not in the document for ${name} (${statuses})`];
		}
		const problems = this.#checkResponse(at, this.#resolve(declared), response);
		if (response.status < 300) problems.push(...this.#checkRequest(at, operation, request));
		return problems;
	}

	#matches(operation: Operation, pathname: string): boolean {
		// Bearer API paths may be mounted under any prefix; session paths sit at the root.
		if (operation.template.startsWith('/3rdparty/')) {
			const at = pathname.indexOf('/3rdparty/');
			return at !== -1 && operation.pattern.test(pathname.slice(at));
		}
		return operation.pattern.test(pathname);
	}

	/** A request the API accepted must be one the document allows. */
	#checkRequest(at: string, operation: Operation, request: Exchange['request']): string[] {
		const problems: string[] = [];
		for (const parameter of (operation.op['parameters'] ?? []) as Json[]) {
			if (parameter['in'] !== 'header') continue;
			const value = request.headers[String(parameter['name']).toLowerCase()];
			if (parameter['required'] && value === undefined) {
				problems.push(`${at}: accepted without the required header ${String(parameter['name'])}`);
			}
		}
		const body = operation.op['requestBody'] as Json | undefined;
		const schema = (body?.['content'] as Json | undefined)?.['application/json'] as
			Json | undefined;
		if (
			schema &&
			request.body !== null &&
			request.body !== '' &&
			!request.body.endsWith(CUT_MARK)
		) {
			const parsed = parseJson(request.body);
			const errors = parsed.ok
				? this.#validate(schema['schema'] as Json, parsed.value)
				: ['not JSON'];
			for (const error of errors)
				problems.push(`${at}: accepted a request body the document refuses: ${error}`);
		}
		if (body?.['required'] && (request.body === null || request.body === '')) {
			problems.push(`${at}: accepted a request without the body the document requires`);
		}
		return problems;
	}

	#checkResponse(at: string, declared: Json, response: Exchange['response']): string[] {
		const problems: string[] = [];
		const headers = (declared['headers'] ?? {}) as Record<string, Json>;
		const known = new Map(
			Object.entries(headers).map(([name, spec]) => [name.toLowerCase(), spec])
		);
		for (const [name, spec] of known) {
			const value = response.headers[name];
			if (value === undefined) {
				if (spec['required']) problems.push(`${at}: header ${name} is missing`);
				continue;
			}
			for (const error of this.#validate(spec['schema'] as Json, value)) {
				problems.push(`${at}: header ${name}: ${error}`);
			}
		}
		for (const name of Object.keys(response.headers)) {
			if (!this.#extraHeaders && !known.has(name) && !TRANSPORT_HEADERS.has(name)) {
				problems.push(`${at}: header ${name} is not in the document`);
			}
		}
		const content = declared['content'] as Record<string, Json> | undefined;
		const body = response.body ?? '';
		if (!content) {
			if (body !== '') problems.push(`${at}: a body, where the document declares none`);
			return problems;
		}
		const media = content['application/json'];
		if (!(response.headers['content-type'] ?? '').startsWith('application/json')) {
			problems.push(`${at}: content-type is "${response.headers['content-type']}", not JSON`);
		}
		if (!media || body.endsWith(CUT_MARK)) return problems;
		const parsed = parseJson(body);
		if (!parsed.ok) return [...problems, `${at}: the body is not JSON`];
		for (const error of this.#validate(media['schema'] as Json, parsed.value)) {
			problems.push(`${at}: body ${error}`);
		}
		return problems;
	}

	#resolve(node: Json): Json {
		const ref = node['$ref'];
		if (typeof ref !== 'string') return node;
		let target: unknown = this.#document;
		for (const part of ref.slice(2).split('/')) target = (target as Json)[part];
		return this.#resolve(target as Json);
	}

	#validate(schema: Json, value: unknown): string[] {
		const key = JSON.stringify(schema);
		let validate = this.#compiled.get(key);
		if (!validate) {
			validate = this.#ajv.compile(rebase(schema));
			this.#compiled.set(key, validate);
		}
		if (validate(value)) return [];
		return (validate.errors ?? []).map((error) => {
			const where = error.instancePath || '(root)';
			const extra =
				error.keyword === 'additionalProperties'
					? ` "${String(error.params['additionalProperty'])}"`
					: '';
			return `${where} ${error.message ?? 'is invalid'}${extra}`;
		});
	}
}

/** Points a schema's local `$ref`s at the document registered as `openapi`. */
function rebase(schema: Json): Json {
	return JSON.parse(JSON.stringify(schema).replaceAll('"$ref":"#/', '"$ref":"openapi#/')) as Json;
}

function templateParams(template: string): number {
	return (template.match(/\{/g) ?? []).length;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
	try {
		return { ok: true, value: JSON.parse(text) as unknown };
	} catch {
		return { ok: false };
	}
}
