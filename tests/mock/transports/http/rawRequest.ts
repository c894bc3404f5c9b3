import { connect } from 'node:net';

/** What came back on a raw connection: the status (0 if none), headers and body text. */
export interface RawResponse {
	status: number;
	headers: Record<string, string>;
	body: string;
	/** Whether the server closed the connection. */
	closed: boolean;
}

/** Options of {@link rawRequest}. */
export interface RawRequestOptions {
	/**
	 * A bound for a server that never answers, not a wait: the result comes as soon as the answer
	 * is complete (or the server closes), and a test that meets this bound gets what came so far.
	 */
	waitMs?: number;
	/** Between chunks: a slow client. */
	pauseMs?: number;
	/** Half-close after the last chunk, as a client with nothing more to send. */
	endAfterWrite?: boolean;
	/**
	 * Read until the server closes the connection rather than until the first complete answer:
	 * for a test about the close itself, or pipelined requests whose last says `Connection: close`.
	 */
	untilClosed?: boolean;
}

/**
 * Writes bytes to the server on a fresh TCP connection, exactly as given (no client library to
 * tidy them up), and reads the answer: up to its `Content-Length` or last chunk, or until the
 * server closes.
 */
export function rawRequest(
	url: string,
	chunks: readonly (string | Uint8Array)[],
	options: RawRequestOptions = {}
): Promise<RawResponse> {
	const { port, hostname } = new URL(url);
	const { waitMs = 5000, pauseMs = 0, endAfterWrite = false, untilClosed = false } = options;
	return new Promise((resolve) => {
		const socket = connect(Number(port), hostname);
		const received: Buffer[] = [];
		let closed = false;
		let done = false;
		const finish = () => {
			if (done) return;
			done = true;
			clearTimeout(timer);
			socket.destroy();
			resolve(parse(Buffer.concat(received).toString('latin1'), closed));
		};
		const timer = setTimeout(finish, waitMs);
		socket.on('data', (data) => {
			received.push(data);
			if (!untilClosed && isComplete(Buffer.concat(received).toString('latin1'))) finish();
		});
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

/**
 * Whether `text` holds one whole final answer: interim `1xx` answers are skipped; an answer
 * framed by neither `Content-Length` nor chunks ends only when the server closes.
 */
function isComplete(text: string): boolean {
	let rest = text;
	for (;;) {
		const split = rest.indexOf('\r\n\r\n');
		if (split === -1) return false;
		const { status, headers } = parseHead(rest.slice(0, split));
		const body = rest.slice(split + 4);
		if (status >= 100 && status < 200) {
			rest = body;
			continue;
		}
		if (status === 204 || status === 304) return true;
		if (/\bchunked\b/i.test(headers['transfer-encoding'] ?? ''))
			return /(^|\r\n)0\r\n\r\n$/.test(body);
		const length = headers['content-length'];
		return length !== undefined && Buffer.byteLength(body, 'latin1') >= Number(length);
	}
}

function parseHead(head: string): { status: number; headers: Record<string, string> } {
	const [statusLine = '', ...lines] = head.split('\r\n');
	const headers: Record<string, string> = {};
	for (const line of lines) {
		const colon = line.indexOf(':');
		if (colon > 0) headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
	}
	return { status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? 0), headers };
}

function parse(text: string, closed: boolean): RawResponse {
	const split = text.indexOf('\r\n\r\n');
	const { status, headers } = parseHead(split === -1 ? text : text.slice(0, split));
	return { status, headers, body: split === -1 ? '' : text.slice(split + 4), closed };
}
