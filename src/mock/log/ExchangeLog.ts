/** One request the mock answered and what it answered. Bodies are text, cut at 16 KiB. */
export interface Exchange {
	seq: number;
	/** When it happened on the mock's clock (ms since the epoch). */
	at: number;
	request: { method: string; url: string; headers: Record<string, string>; body: string | null };
	response: { status: number; headers: Record<string, string>; body: string | null };
}

type Listener = (exchange: Exchange) => void;

const MAX_LOGGED_BODY = 16 * 1024;

/**
 * How many exchanges a log keeps by default: far more than one page's Run button or one recorded
 * sample makes, and at most about 32 MiB of cut bodies however long a mock runs.
 */
export const DEFAULT_LOG_CAPACITY = 1000;

/**
 * The latest exchanges with the mock, in order, for the pages' "HTTP exchange" view and for
 * recording the response samples the pages show. Holds raw tokens: redact before displaying.
 *
 * Bounded: past `capacity` the oldest exchange is dropped, so a mock serving traffic for hours
 * (`npm run mock-api`, a tab left open) holds a fixed amount of memory. `capacity` 0 keeps none
 * and only tells subscribers.
 */
export class ExchangeLog {
	readonly #entries: Exchange[] = [];
	readonly #listeners = new Set<Listener>();
	readonly #capacity: number;
	#seq = 0;

	constructor(options: { capacity?: number | undefined } = {}) {
		const { capacity = DEFAULT_LOG_CAPACITY } = options;
		if (!Number.isInteger(capacity) || capacity < 0) {
			throw new RangeError(`log capacity must be a whole number ≥ 0, not ${capacity}`);
		}
		this.#capacity = capacity;
	}

	/** How many exchanges the log keeps. */
	get capacity(): number {
		return this.#capacity;
	}

	/**
	 * Whether a recorded exchange would go anywhere: kept, or told to a subscriber. When not (the
	 * HTTP server keeps no log), callers skip copying the messages for it.
	 */
	get recording(): boolean {
		return this.#capacity > 0 || this.#listeners.size > 0;
	}

	/**
	 * Records a request and its response; pass copies (`clone()`) whose bodies are still unread.
	 * `cookie` and `setCookie` give the request's `Cookie` and the response's `Set-Cookie` values
	 * when their headers cannot hold them (made in a page; see `cookieHeader`, `setCookieHeaders`).
	 */
	async record(
		at: number,
		request: Request,
		response: Response,
		options: { cookie?: string | null; setCookie?: readonly string[] } = {}
	): Promise<Exchange> {
		const setCookie = options.setCookie ?? response.headers.getSetCookie();
		const requestHeaders = Object.fromEntries(request.headers);
		if (options.cookie !== undefined && options.cookie !== null) {
			requestHeaders['cookie'] = options.cookie;
		}
		const responseHeaders = Object.fromEntries(response.headers);
		if (setCookie.length > 0) responseHeaders['set-cookie'] = setCookie.join(', ');
		const exchange: Exchange = {
			seq: ++this.#seq,
			at,
			request: {
				method: request.method,
				url: request.url,
				headers: requestHeaders,
				body: await readText(request),
			},
			response: {
				status: response.status,
				headers: responseHeaders,
				body: await readText(response),
			},
		};
		this.#entries.push(exchange);
		if (this.#entries.length > this.#capacity) {
			this.#entries.splice(0, this.#entries.length - this.#capacity);
		}
		for (const listener of this.#listeners) listener(exchange);
		return exchange;
	}

	/** The latest exchanges (at most `capacity`), oldest first. */
	entries(): readonly Exchange[] {
		return this.#entries;
	}

	/** Calls `listener` for each new exchange; returns the unsubscribe function. */
	subscribe(listener: Listener): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	/** Forgets every exchange. */
	clear(): void {
		this.#entries.length = 0;
	}
}

async function readText(message: Request | Response): Promise<string | null> {
	if (message.body === null) return null;
	try {
		const text = await message.text();
		return text.length > MAX_LOGGED_BODY ? `${text.slice(0, MAX_LOGGED_BODY)}…` : text;
	} catch {
		return null;
	}
}
