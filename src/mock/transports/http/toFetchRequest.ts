import type { IncomingMessage } from 'node:http';

/**
 * Rebuilds a Node request as a Fetch `Request` for MSW's `getResponse`. The URL always gets the
 * server's own origin: the `Host` header and absolute-form request targets are client input, and
 * the handlers match any origin anyway. Throws a `TypeError` for what Fetch cannot represent
 * (`TRACE`, a header value it refuses).
 */
export function toFetchRequest(
	message: IncomingMessage,
	body: Uint8Array<ArrayBuffer>,
	origin: string
): Request {
	const target = message.url ?? '/';
	const path = target.startsWith('/') ? target : pathOf(target);
	const url = new URL(`${origin}${path}`);
	const headers = new Headers();
	for (let i = 0; i + 1 < message.rawHeaders.length; i += 2) {
		headers.append(message.rawHeaders[i] ?? '', message.rawHeaders[i + 1] ?? '');
	}
	const method = message.method ?? 'GET';
	const bodyless = method === 'GET' || method === 'HEAD';
	return new Request(url, { method, headers, ...(bodyless ? {} : { body }) });
}

// `GET http://host/path HTTP/1.1` (absolute form) or `OPTIONS * HTTP/1.1`.
function pathOf(target: string): string {
	try {
		const url = new URL(target);
		return `${url.pathname}${url.search}`;
	} catch {
		return `/${target}`;
	}
}
