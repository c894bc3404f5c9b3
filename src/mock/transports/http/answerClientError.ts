import type { Duplex } from 'node:stream';
import { type ApiErrorId, errorBody } from '../../contract/errors.ts';
import { CORS_HEADERS } from './cors.ts';

/** Node's parser error codes, and the catalogue error each deserves (anything else: 400). */
const ERROR_BY_CODE: Readonly<Record<string, ApiErrorId>> = {
	HPE_HEADER_OVERFLOW: 'headersTooLarge',
	ERR_HTTP_REQUEST_TIMEOUT: 'requestTimeout',
	HPE_HEADERS_TIMEOUT: 'requestTimeout',
};

/**
 * Node's `clientError` hook: a request Node could not parse (a header block over the limit, a
 * malformed request line, headers that never finished) gets a 4xx in the contract's error body,
 * dated by the mock's clock, and the connection is closed. No adapter helps here: there is no
 * request object yet, only the socket.
 */
export function answerClientError(
	error: Error & { code?: string },
	socket: Duplex,
	date: string
): void {
	if (error.code === 'ECONNRESET' || !socket.writable) {
		socket.destroy();
		return;
	}
	writeError(socket, ERROR_BY_CODE[error.code ?? ''] ?? 'badRequest', date, {});
}

/**
 * Node's `connect` hook: `CONNECT` asks for a tunnel, which this server never opens; 405 with the
 * methods a client could use instead (none on an authority-form target, so `Allow` is empty).
 */
export function answerConnect(socket: Duplex, date: string): void {
	socket.on('error', () => {});
	writeError(socket, 'methodNotAllowed', date, { Allow: '' });
}

function writeError(
	socket: Duplex,
	id: ApiErrorId,
	date: string,
	extra: Record<string, string>
): void {
	const body = JSON.stringify(errorBody(id));
	const { code } = errorBody(id);
	const headers = {
		'Content-Type': 'application/json',
		'Content-Length': String(Buffer.byteLength(body)),
		'Cache-Control': 'no-store',
		Date: date,
		Connection: 'close',
		...CORS_HEADERS,
		...extra,
	};
	const head = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
	socket.end(`HTTP/1.1 ${code} ${errorBody(id).message}\r\n${head.join('')}\r\n${body}`);
}
