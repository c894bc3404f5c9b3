/**
 * Faults on demand: a test arms one for the next request(s) matching a method and a path, and
 * the transport that carries that request (in-process msw, the HTTP server) plays it. Nothing is
 * armed by default, and then a request costs one length check.
 */

/** What goes wrong with the answer to a matching request. */
export type Fault =
	/**
	 * The server acts (rotates, mints, revokes), then its answer is lost: a network error
	 * in-process, the connection dropped over HTTP; `as: 502` puts a gateway's 502 in its place.
	 */
	| { kind: 'lost'; as?: 'reset' | 502 }
	/** A proxy's error page instead of the API's answer; the server never saw the request. */
	| { kind: 'html'; status: number }
	/** A rate limit: 429 with `Retry-After` (seconds, or an HTTP-date); the server never acted. */
	| { kind: 'rateLimited'; retryAfter: string }
	/**
	 * The answer is held back until `release()` of the armed fault (the test's clock decides),
	 * or for `ms` on the timers the test controls (`setTimeout` as it is when the request comes).
	 * `then: 'hang'` holds it until the client gives up; `stage: 'body'` sends the status and
	 * headers at once and holds the body (headers, then a hang).
	 */
	| { kind: 'slow'; ms?: number; stage?: 'headers' | 'body' }
	| { kind: 'hang'; stage?: 'headers' | 'body' }
	/** Half the body, then the connection reset (its `Content-Length` promised all of it). */
	| { kind: 'resetMidBody' }
	/** Half the body with a `Content-Length` that says so: valid framing, broken JSON. */
	| { kind: 'truncated' }
	/**
	 * The answer rewritten: its JSON body through `body` (e.g. `expires_at` in the past, a field
	 * removed), and `dropDate` removes its `Date` header.
	 */
	| { kind: 'rewrite'; body?: (body: Record<string, unknown>) => unknown; dropDate?: boolean };

/** Which requests a fault applies to. */
export interface FaultTarget {
	method: string;
	/** A path, where `:name` matches one segment: `/3rdparty/v1/service-tokens/:id/renew`. */
	path: string;
	/** How many matching requests it applies to (default 1). */
	times?: number;
}

/** An armed fault, as a test holds it. */
export interface ArmedFault {
	readonly fault: Fault;
	/** How many requests it has met so far. */
	readonly hits: number;
	/** Lets a held answer (`slow`, `hang`) go, now and for later hits. */
	release(): void;
	/** Resolves when a request has met it (the first time). */
	readonly met: Promise<void>;
}

interface Armed extends ArmedFault {
	readonly target: FaultTarget;
	left: number;
	hits: number;
	released: boolean;
	waiting: (() => void)[];
	meet(): void;
}

export class Faults {
	#armed: Armed[] = [];

	/** Arms `fault` for the next `times` requests matching `target`. */
	arm(target: FaultTarget, fault: Fault): ArmedFault {
		let meet = () => {};
		const met = new Promise<void>((resolve) => (meet = resolve));
		const armed: Armed = {
			target,
			fault,
			left: target.times ?? 1,
			hits: 0,
			released: false,
			waiting: [],
			met,
			meet,
			release() {
				armed.released = true;
				for (const resume of armed.waiting.splice(0)) resume();
			},
		};
		this.#armed.push(armed);
		return armed;
	}

	/** The fault for this request, used up by it; `undefined` (at once) when none is armed. */
	take(method: string, pathname: string): ArmedFault | undefined {
		if (this.#armed.length === 0) return undefined;
		const index = this.#armed.findIndex(
			(armed) => armed.target.method === method && matches(armed.target.path, pathname)
		);
		const armed = this.#armed[index];
		if (!armed) return undefined;
		armed.left -= 1;
		armed.hits += 1;
		if (armed.left <= 0) this.#armed.splice(index, 1);
		armed.meet();
		return armed;
	}

	/** Disarms everything and lets every held answer go. */
	clear(): void {
		for (const armed of this.#armed.splice(0)) armed.release();
	}

	get armed(): number {
		return this.#armed.length;
	}
}

function matches(pattern: string, pathname: string): boolean {
	const want = pattern.split('/');
	const got = pathname.split('/');
	return (
		want.length === got.length &&
		want.every((segment, i) => segment.startsWith(':') || segment === got[i])
	);
}

/** Waits until the test releases `armed`, its `ms` pass on the test's timers, or `signal` aborts. */
export function held(
	fault: ArmedFault,
	signal: AbortSignal | undefined,
	ms?: number
): Promise<void> {
	const armed = fault as Armed;
	return new Promise((resolve) => {
		if (armed.released || signal?.aborted) return resolve();
		armed.waiting.push(resolve);
		signal?.addEventListener('abort', () => resolve(), { once: true });
		if (ms !== undefined) setTimeout(resolve, ms);
	});
}

const registry = new WeakMap<object, Faults>();

/** The faults of a mock (a `MockApi`), shared by every transport that serves it. */
export function faultsOf(api: object): Faults {
	let faults = registry.get(api);
	if (!faults) registry.set(api, (faults = new Faults()));
	return faults;
}
