import type { ServerResponse } from 'node:http';

/** Statuses whose responses never have a body. */
const BODYLESS_STATUSES = new Set([204, 304]);

/**
 * Writes a Fetch `Response` to a Node response: status, every header (each `Set-Cookie`
 * separately), `extraHeaders` on top, and the body with an exact `Content-Length`. The caller has
 * turned Node's own `Date` off, so the handlers' `Date` (the mock's clock) is the one sent.
 */
export async function writeFetchResponse(
	target: ServerResponse,
	response: Response,
	options: { head: boolean; extraHeaders: Readonly<Record<string, string>> }
): Promise<void> {
	const body =
		response.body === null || BODYLESS_STATUSES.has(response.status)
			? null
			: new Uint8Array(await response.arrayBuffer());
	target.statusCode = response.status;
	response.headers.forEach((value, name) => {
		if (name !== 'set-cookie' && name !== 'content-length') target.setHeader(name, value);
	});
	const cookies = response.headers.getSetCookie();
	if (cookies.length > 0) target.setHeader('Set-Cookie', cookies);
	for (const [name, value] of Object.entries(options.extraHeaders)) target.setHeader(name, value);
	if (body !== null) target.setHeader('Content-Length', body.byteLength);
	await new Promise<void>((resolve) => {
		target.end(options.head || body === null ? undefined : body, () => resolve());
		// A client that went away never lets `end` finish; there is nobody left to answer.
		target.once('close', () => resolve());
	});
}
