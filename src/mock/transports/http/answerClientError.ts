import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { statusErrorBody } from '../../contract/errors.ts';
import { TRANSPORT_STATUSES } from '../../contract/http.ts';
import { CORS_HEADERS } from './cors.ts';

/** Node's parser error codes, and the status each deserves. */
const STATUS_BY_CODE: Readonly<Record<string, number>> = {
	HPE_HEADER_OVERFLOW: TRANSPORT_STATUSES.headersTooLarge,
	ERR_HTTP_REQUEST_TIMEOUT: TRANSPORT_STATUSES.headersTimeout,
	HPE_HEADERS_TIMEOUT: TRANSPORT_STATUSES.headersTimeout,
};

/**
 * Node's `clientError` hook: a request Node could not parse (a header block over the limit, a
 * malformed request line, headers that never finished) gets a 4xx in the contract's error body
 * shape instead of Node's empty one, and the connection is closed. There is no request object at
 * this point, so the response is written to the socket by hand.
 */
export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
	if (error.code === 'ECONNRESET' || !socket.writable) {
		socket.destroy();
		return;
	}
	const status = STATUS_BY_CODE[error.code ?? ''] ?? 400;
	const reason = STATUS_CODES[status] ?? 'Bad Request';
	const body = JSON.stringify(statusErrorBody(status, reason));
	const headers = {
		'Content-Type': 'application/json',
		'Content-Length': String(Buffer.byteLength(body)),
		'Cache-Control': 'no-store',
		Connection: 'close',
		...CORS_HEADERS,
	};
	const head = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
	socket.end(`HTTP/1.1 ${status} ${reason}\r\n${head.join('')}\r\n${body}`);
}
