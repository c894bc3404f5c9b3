import type { ApiErrorId } from '../contract/errors.ts';

import { MAX_BODY_BYTES } from '../contract/http.ts';

export { MAX_BODY_BYTES };

/** A parsed JSON body, or the catalogue error to answer instead. */
export type JsonBodyResult = { ok: true; value: unknown } | { ok: false; error: ApiErrorId };

/**
 * Reads a request body as JSON without ever throwing: too large is 413, anything that is not
 * UTF-8 JSON is the contract's 400. With `whenEmpty`, an empty body reads as that value, for
 * endpoints whose body is all optional fields.
 */
export async function readJsonBody(
	request: Request,
	options: { maxBytes?: number; whenEmpty?: unknown } = {}
): Promise<JsonBodyResult> {
	const { maxBytes = MAX_BODY_BYTES } = options;
	const declared = Number(request.headers.get('content-length') ?? 0);
	if (declared > maxBytes) return { ok: false, error: 'payloadTooLarge' };
	let bytes: ArrayBuffer;
	try {
		bytes = await request.arrayBuffer();
	} catch {
		return { ok: false, error: 'invalidBody' };
	}
	if (bytes.byteLength > maxBytes) return { ok: false, error: 'payloadTooLarge' };
	if (bytes.byteLength === 0 && 'whenEmpty' in options)
		return { ok: true, value: options.whenEmpty };
	try {
		const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
		return { ok: true, value: JSON.parse(text) as unknown };
	} catch {
		return { ok: false, error: 'invalidBody' };
	}
}
