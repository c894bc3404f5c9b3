/** The parts of the Web Locks API a shared mock uses (`navigator.locks`). */
export type Locks = Pick<LockManager, 'request' | 'query'>;

/**
 * Runs work under the mock's Web Lock, so one tab at a time reads, changes and saves the shared
 * state. Without Web Locks the work just runs: the tab keeps a mock of its own.
 */
export function runLocked<T>(
	locks: Locks | undefined,
	name: string,
	work: () => Promise<T>
): Promise<T> {
	return locks ? locks.request(name, work) : work();
}

/**
 * Takes the presence lock `name` (shared: every tab that uses the shared state holds it while
 * it lives) and says whether this tab is the first, no tab having held it before: the stored
 * state then belongs to tabs that are gone. Call it under the mock's lock, so two tabs starting
 * at once cannot both be first. `leave` releases it.
 */
export async function joinPresence(
	locks: Locks,
	name: string
): Promise<{ first: boolean; leave: () => void }> {
	const { held = [] } = await locks.query();
	const first = !held.some((lock) => lock.name === name);
	let leave = () => {};
	await new Promise<void>((granted) => {
		void locks.request(name, { mode: 'shared' }, () => {
			granted();
			return new Promise<void>((release) => (leave = release));
		});
	});
	return { first, leave };
}
