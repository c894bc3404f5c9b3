import type { Exchange } from '../../src/mock/log/ExchangeLog.ts';

/** The logged exchanges whose request path ends with `suffix` (and method, if given). */
export function exchangesTo(
	entries: readonly Exchange[],
	suffix: string,
	method?: string
): Exchange[] {
	return entries.filter(
		(entry) =>
			new URL(entry.request.url).pathname.endsWith(suffix) &&
			(method === undefined || entry.request.method === method)
	);
}

/** The bearer token a logged request carried, if any. */
export function bearerOf(exchange: Exchange): string | undefined {
	return /^Bearer (.+)$/.exec(exchange.request.headers['authorization'] ?? '')?.[1];
}
