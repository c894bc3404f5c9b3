/**
 * Runs `work` with `Date.now` answering `now()`, and puts the real one back when `work` settles,
 * whether it resolves or throws.
 *
 * This is how an example judging expiry with `Date.now()` sees the same time as the in-page mock:
 * both read the mock's clock while a run is in progress, and nothing else on the page is shifted
 * in between. Runs must not overlap (the runtime queues them), or the second would restore the
 * first one's patch too early.
 */
export async function withDateNow<T>(now: () => number, work: () => Promise<T>): Promise<T> {
	const real = Object.getOwnPropertyDescriptor(Date, 'now');
	Date.now = now;
	try {
		return await work();
	} finally {
		if (real) Object.defineProperty(Date, 'now', real);
	}
}
