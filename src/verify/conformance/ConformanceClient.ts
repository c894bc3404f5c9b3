import type { Exchange } from '../../mock/log/ExchangeLog.ts';
import { openApiDocument } from '../../site/openapi/openApiDocument.ts';
import { ExchangeValidator } from '../openapi/ExchangeValidator.ts';

/** What one request to the server under test answered. */
export interface Answer {
	status: number;
	headers: Headers;
	text: string;
	/** The body parsed as JSON, or `undefined` when it is not JSON. */
	json: any;
	/** How the exchange departs from the OpenAPI document; empty when it conforms. */
	problems: string[];
}

/** A request of a conformance case. */
export interface Call {
	method: string;
	path: string;
	headers?: Record<string, string>;
	/** A value to send as JSON, or a raw string body. */
	json?: unknown;
	body?: string;
}

/** Why a case failed, in one line. */
export class CaseFailure extends Error {}

/**
 * Talks to the server under test over plain `fetch` and checks every exchange against the
 * OpenAPI document (extra headers a proxy adds are accepted; everything the document declares
 * is checked).
 */
export class ConformanceClient {
	readonly baseUrl: string;
	readonly username: string;
	readonly password: string;
	readonly #validator = new ExchangeValidator(openApiDocument(), { extraHeaders: true });

	constructor(baseUrl: string, username: string, password: string) {
		this.baseUrl = baseUrl.replace(/\/+$/, '');
		this.username = username;
		this.password = password;
	}

	/** `Authorization: Basic …` for the account. */
	get basic(): Record<string, string> {
		return this.basicWith(this.password);
	}

	/** `Authorization: Basic …` for the account with another password, encoded as UTF-8. */
	basicWith(password: string): Record<string, string> {
		const encoded = Buffer.from(`${this.username}:${password}`, 'utf8').toString('base64');
		return { Authorization: `Basic ${encoded}` };
	}

	async send(call: Call): Promise<Answer> {
		const headers: Record<string, string> = { ...call.headers };
		let body = call.body;
		if (call.json !== undefined) {
			body = JSON.stringify(call.json);
			headers['Content-Type'] = 'application/json';
		}
		const url = `${this.baseUrl}${call.path}`;
		const response = await fetch(url, {
			method: call.method,
			headers,
			...(body === undefined ? {} : { body }),
			redirect: 'manual',
			signal: AbortSignal.timeout(15_000),
		});
		const text = await response.text();
		const exchange: Pick<Exchange, 'request' | 'response'> = {
			request: {
				method: call.method,
				url,
				headers: Object.fromEntries(
					Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value])
				),
				body: body ?? null,
			},
			response: {
				status: response.status,
				headers: responseHeaders(response.headers),
				body: text === '' ? null : text,
			},
		};
		return {
			status: response.status,
			headers: response.headers,
			text,
			json: parse(text),
			problems: this.#validator.check(exchange),
		};
	}

	/** Sends and insists on a status (and, for errors, the `error` id) and a conforming answer. */
	async expect(call: Call, status: number, error?: string): Promise<Answer> {
		const answer = await this.send(call);
		// A path over the URL limit would fill the terminal; its start says which case it is.
		const path = call.path.length > 80 ? `${call.path.slice(0, 80)}…` : call.path;
		const line = `${call.method} ${path}`;
		if (answer.status !== status) {
			const id = typeof answer.json?.error === 'string' ? ` (${answer.json.error})` : '';
			throw new CaseFailure(`${line}: expected ${status}, got ${answer.status}${id}`);
		}
		if (error !== undefined && answer.json?.error !== error) {
			throw new CaseFailure(
				`${line}: expected error "${error}", got ${JSON.stringify(answer.json?.error)}`
			);
		}
		if (answer.problems.length > 0) throw new CaseFailure(answer.problems.join('; '));
		return answer;
	}
}

function parse(text: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return undefined;
	}
}

function responseHeaders(headers: Headers): Record<string, string> {
	const record = Object.fromEntries(headers);
	const cookies = headers.getSetCookie();
	if (cookies.length > 0) record['set-cookie'] = cookies.join(', ');
	return record;
}
