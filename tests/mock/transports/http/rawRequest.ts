import { connect } from 'node:net';

/** What came back on a raw connection: the status (0 if none), headers and body text. */
export interface RawResponse {
	status: number;
	headers: Record<string, string>;
	body: string;
	/** Whether the server closed the connection. */
	closed: boolean;
}

/**
 * Writes bytes to the server on a fresh TCP connection, exactly as given (no client library to
 * tidy them up), and reads until the server closes or `waitMs` passes.
 */
export function rawRequest(
	url: string,
	chunks: readonly (string | Uint8Array)[],
	options: { waitMs?: number; pauseMs?: number; endAfterWrite?: boolean } = {}
): Promise<RawResponse> {
	const { port, hostname } = new URL(url);
	const { waitMs = 2000, pauseMs = 0, endAfterWrite = false } = options;
	return new Promise((resolve) => {
		const socket = connect(Number(port), hostname);
		const received: Buffer[] = [];
		let closed = false;
		const finish = () => {
			clearTimeout(timer);
			socket.destroy();
			resolve(parse(Buffer.concat(received).toString('latin1'), closed));
		};
		const timer = setTimeout(finish, waitMs);
		socket.on('data', (data) => received.push(data));
		socket.on('error', () => {});
		socket.on('close', () => {
			closed = true;
			finish();
		});
		socket.on('connect', async () => {
			for (const chunk of chunks) {
				if (socket.destroyed) return;
				socket.write(chunk);
				if (pauseMs > 0) await new Promise((wait) => setTimeout(wait, pauseMs));
			}
			if (endAfterWrite) socket.end();
		});
	});
}

function parse(text: string, closed: boolean): RawResponse {
	const split = text.indexOf('\r\n\r\n');
	const head = split === -1 ? text : text.slice(0, split);
	const [statusLine = '', ...lines] = head.split('\r\n');
	const headers: Record<string, string> = {};
	for (const line of lines) {
		const colon = line.indexOf(':');
		if (colon > 0) headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
	}
	const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? 0);
	return { status, headers, body: split === -1 ? '' : text.slice(split + 4), closed };
}
