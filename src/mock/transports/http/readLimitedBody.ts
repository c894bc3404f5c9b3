import type { Readable } from 'node:stream';

/** How reading a request body ended. */
export type LimitedBody =
	{ kind: 'complete'; bytes: Uint8Array<ArrayBuffer> } | { kind: 'tooLarge' } | { kind: 'aborted' };

/**
 * Reads a request body of at most `cap` bytes. A declared `Content-Length` over the cap is refused
 * before a byte is read; otherwise bytes are kept only while they fit, so a client streaming
 * gigabytes costs at most `cap` bytes of memory plus the chunk in flight. On `tooLarge` the
 * stream is left paused: the caller decides whether to drain or drop the connection.
 */
export function readLimitedBody(
	stream: Readable,
	declaredLength: string | undefined,
	cap: number
): Promise<LimitedBody> {
	if (declaredLength !== undefined && Number(declaredLength) > cap) {
		return Promise.resolve({ kind: 'tooLarge' });
	}
	return new Promise((resolve) => {
		const chunks: Uint8Array[] = [];
		let size = 0;
		const settle = (result: LimitedBody) => {
			stream.off('data', onData);
			stream.off('end', onEnd);
			stream.off('error', onAbort);
			stream.off('close', onAbort);
			resolve(result);
		};
		const onData = (chunk: Uint8Array | string) => {
			const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
			size += bytes.byteLength;
			if (size > cap) {
				chunks.length = 0;
				stream.pause();
				settle({ kind: 'tooLarge' });
				return;
			}
			chunks.push(bytes);
		};
		const onEnd = () => settle({ kind: 'complete', bytes: concat(chunks, size) });
		const onAbort = () => settle({ kind: 'aborted' });
		stream.on('data', onData);
		stream.on('end', onEnd);
		stream.on('error', onAbort);
		stream.on('close', onAbort);
	});
}

function concat(chunks: readonly Uint8Array[], size: number): Uint8Array<ArrayBuffer> {
	const bytes = new Uint8Array(size);
	let offset = 0;
	for (const chunk of chunks) {
		bytes.set(chunk, offset);
		offset += chunk.byteLength;
	}
	return bytes;
}
