import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';

interface Owed {
	req: IncomingMessage;
	settled: Promise<void>;
	done: boolean;
}

/**
 * The answers each connection still owes, so that an answer the server makes on the raw socket (a
 * parser error) goes out after them rather than in their place. Pipelined requests are answered
 * in the order they came (RFC 9112 §9.3.2); a malformed one behind a refresh must not swallow the
 * refresh's answer, whose token the refresh has already spent.
 */
export class AnswersInFlight {
	readonly #owed = new WeakMap<Duplex, Owed[]>();

	/** Counts `res` as owed on `socket` until it is written or its connection closes. */
	track(socket: Duplex, req: IncomingMessage, res: ServerResponse): void {
		const owed = (this.#owed.get(socket) ?? []).filter((entry) => !entry.done);
		this.#owed.set(socket, owed);
		const entry: Owed = { req, done: false, settled: Promise.resolve() };
		entry.settled = new Promise((resolve) => {
			const settle = () => {
				entry.done = true;
				resolve();
			};
			res.once('finish', settle);
			res.once('close', settle);
		});
		owed.push(entry);
	}

	/**
	 * Runs `write` once every answer owed on `socket` to a request received whole is out (at once
	 * if none is). A request whose body the parser failed on is the malformed one itself: its
	 * handler waits for a body that will never come, and `write` is its answer.
	 */
	after(socket: Duplex, write: () => void): void {
		const pending = (this.#owed.get(socket) ?? []).filter(
			(entry) => !entry.done && entry.req.complete
		);
		if (pending.length === 0) write();
		else void Promise.all(pending.map((entry) => entry.settled)).then(write);
	}
}
