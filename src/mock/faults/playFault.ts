import { type ArmedFault, held } from './Faults.ts';

/** One turn of the event loop for I/O: not a delay, so taken before any test fakes timers. */
const ioTurn = globalThis.setImmediate;

/** What a transport sends for a request: a response, or nothing at all (drop the connection). */
export type FaultOutcome = Response | 'drop';

/**
 * Answers a request through the fault it met (`Faults.take`): `next` is the mock's own answer,
 * and calling it is the server acting. `signal` is the request's: a held answer ends with it.
 */
export async function playFault(
	armed: ArmedFault,
	signal: AbortSignal | undefined,
	next: () => Promise<Response>
): Promise<FaultOutcome> {
	const { fault } = armed;
	switch (fault.kind) {
		case 'lost':
			await next();
			return fault.as === 502 ? htmlPage(502) : 'drop';
		case 'html':
			return htmlPage(fault.status);
		case 'rateLimited':
			return Response.json(
				{ message: 'Too Many Requests', code: 429 },
				{ status: 429, headers: { 'Retry-After': fault.retryAfter } }
			);
		case 'slow':
		case 'hang': {
			const response = await next();
			const ms = fault.kind === 'slow' ? fault.ms : undefined;
			if (fault.stage !== 'body') {
				await held(armed, signal, ms);
				return signal?.aborted ? 'drop' : response;
			}
			// Status, headers and the first byte now (a byte makes Node send the headers), the rest
			// once released.
			const body = new Uint8Array(await response.arrayBuffer());
			const chunks = [body.subarray(0, 1), body.subarray(1)];
			const stream = new ReadableStream<Uint8Array>({
				async pull(controller) {
					const chunk = chunks.shift();
					if (chunk === undefined) return controller.close();
					if (chunks.length === 0) await held(armed, signal, ms);
					controller.enqueue(chunk);
				},
			});
			return new Response(stream, response);
		}
		case 'resetMidBody': {
			const response = await next();
			const body = new Uint8Array(await response.arrayBuffer());
			let sent = false;
			const stream = new ReadableStream<Uint8Array>({
				// Pulled: the half goes out before the error, which would otherwise discard it.
				async pull(controller) {
					if (sent) {
						await new Promise((resolve) => ioTurn(resolve)); // let the half reach the socket
						return controller.error(new TypeError('terminated')); // as undici's fetch
					}
					sent = true;
					controller.enqueue(body.slice(0, Math.floor(body.byteLength / 2)));
				},
			});
			const headers = new Headers(response.headers);
			headers.set('Content-Length', String(body.byteLength));
			return new Response(stream, { status: response.status, headers });
		}
		case 'truncated': {
			const response = await next();
			const body = new Uint8Array(await response.arrayBuffer());
			const half = body.slice(0, Math.floor(body.byteLength / 2));
			const headers = new Headers(response.headers);
			headers.set('Content-Length', String(half.byteLength));
			return new Response(half, { status: response.status, headers });
		}
		case 'rewrite': {
			const response = await next();
			const headers = new Headers(response.headers);
			headers.delete('Content-Length');
			if (fault.dropDate) headers.delete('Date');
			const text = await response.text();
			const body = fault.body ? JSON.stringify(fault.body(JSON.parse(text))) : text;
			return new Response(body, { status: response.status, headers });
		}
	}
}

/** What a load balancer or gateway answers with: an HTML page, not the API's error body. */
function htmlPage(status: number): Response {
	return new Response(
		`<html><body><h1>${status}</h1>The upstream server is unavailable.</body></html>`,
		{
			status,
			headers: { 'Content-Type': 'text/html' },
		}
	);
}
