import type { Exchange } from '../../mock/log/ExchangeLog.ts';
import { redact } from './redact.ts';
import { statusText } from '../../site/http/statusText.ts';
import type { TokenNames } from './TokenNames.ts';

/** An exchange as the runner shows it: the headers that matter and every credential redacted. */
export interface DisplayExchange {
	/** Made by the scenario to prepare the example's run, not by the example itself. */
	setup: boolean;
	method: string;
	/** Path and query, without the origin (the handlers answer any origin). */
	path: string;
	status: number;
	/** `201 Created` */
	statusText: string;
	request: DisplayMessage;
	response: DisplayMessage;
}

/** One side of an exchange. */
export interface DisplayMessage {
	headers: [name: string, value: string][];
	/** JSON bodies pretty-printed; `null` when there is none. */
	body: string | null;
}

const REQUEST_HEADERS = ['authorization', 'content-type', 'cookie', 'x-csrf'];
const RESPONSE_HEADERS = [
	'content-type',
	'cache-control',
	'set-cookie',
	'allow',
	'location',
	'www-authenticate',
];

/** Prepares a logged exchange for display; nothing token-shaped survives. */
export function displayExchange(
	exchange: Exchange,
	names: TokenNames,
	setup: boolean
): DisplayExchange {
	const url = new URL(exchange.request.url);
	return {
		setup,
		method: exchange.request.method,
		path: redact(`${url.pathname}${url.search}`, names),
		status: exchange.response.status,
		statusText: statusText(exchange.response.status),
		request: message(exchange.request, REQUEST_HEADERS, names),
		response: message(exchange.response, RESPONSE_HEADERS, names),
	};
}

/** The line e2e tests and scenario expectations compare: `setup DELETE /path 204`. */
export function exchangeLine(exchange: DisplayExchange): string {
	return `${exchange.setup ? 'setup ' : ''}${exchange.method} ${exchange.path} ${exchange.status}`;
}

function message(
	logged: { headers: Record<string, string>; body: string | null },
	keep: readonly string[],
	names: TokenNames
): DisplayMessage {
	const headers = Object.entries(logged.headers)
		.filter(([name]) => keep.includes(name.toLowerCase()))
		.sort(([a], [b]) => keep.indexOf(a.toLowerCase()) - keep.indexOf(b.toLowerCase()))
		.map(([name, value]): [string, string] => [headerCase(name), redact(value, names)]);
	return { headers, body: logged.body === null ? null : redact(pretty(logged.body), names) };
}

function pretty(body: string): string {
	if (body === '') return body;
	try {
		return JSON.stringify(JSON.parse(body), null, 2);
	} catch {
		return body;
	}
}

function headerCase(name: string): string {
	return name.toLowerCase() === 'x-csrf'
		? 'X-CSRF'
		: name.replace(/(^|-)([a-z])/g, (_, dash: string, char: string) => dash + char.toUpperCase());
}
