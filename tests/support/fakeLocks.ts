import type { Locks } from '../../src/mock/crossTab/tabLocks.ts';

type Mode = 'exclusive' | 'shared';

/** A lock manager standing in for `navigator.locks`, with what it did for tests to check. */
export interface FakeLocks extends Locks {
	/** How many callbacks held a lock of this name at once, at most. */
	maxConcurrent(name: string): number;
	/** How many times a lock of this name was requested. */
	requests(name: string): number;
}

/**
 * The Web Locks API of one origin, in memory: exclusive and shared modes, granted in the order
 * they were requested (per name), released when the callback settles; `query` reports both.
 * What two "tabs" in one test share, as two tabs of a browser share `navigator.locks`.
 */
export function createFakeLocks(): FakeLocks {
	const held: { name: string; mode: Mode }[] = [];
	const queue: { name: string; mode: Mode; grant: () => void }[] = [];
	const peaks = new Map<string, number>();
	const counts = new Map<string, number>();

	const compatible = (name: string, mode: Mode) => {
		const others = held.filter((lock) => lock.name === name);
		return mode === 'shared' ? others.every((lock) => lock.mode === 'shared') : others.length === 0;
	};
	const pump = () => {
		for (let index = 0; index < queue.length; index++) {
			const entry = queue[index]!;
			if (queue.slice(0, index).some((earlier) => earlier.name === entry.name)) continue;
			if (!compatible(entry.name, entry.mode)) continue;
			queue.splice(index, 1);
			entry.grant();
			index = -1;
		}
	};

	function request<T>(
		name: string,
		optionsOrCallback: LockOptions | LockGrantedCallback<T>,
		maybeCallback?: LockGrantedCallback<T>
	): Promise<T> {
		const callback = typeof optionsOrCallback === 'function' ? optionsOrCallback : maybeCallback!;
		const mode =
			typeof optionsOrCallback === 'function'
				? 'exclusive'
				: (optionsOrCallback.mode ?? 'exclusive');
		counts.set(name, (counts.get(name) ?? 0) + 1);
		return new Promise<T>((resolve, reject) => {
			queue.push({
				name,
				mode,
				grant() {
					const lock = { name, mode };
					held.push(lock);
					const concurrent = held.filter((other) => other.name === name).length;
					peaks.set(name, Math.max(peaks.get(name) ?? 0, concurrent));
					const release = () => {
						held.splice(held.indexOf(lock), 1);
						pump();
					};
					Promise.resolve()
						.then(() => callback(lock as Lock))
						.then(
							(value) => {
								release();
								resolve(value as T);
							},
							(error: unknown) => {
								release();
								reject(error);
							}
						);
				},
			});
			pump();
		});
	}

	return {
		request: request as Locks['request'],
		async query() {
			return {
				held: held.map(({ name, mode }) => ({ name, mode, clientId: 'fake' })),
				pending: queue.map(({ name, mode }) => ({ name, mode, clientId: 'fake' })),
			};
		},
		maxConcurrent: (name) => peaks.get(name) ?? 0,
		requests: (name) => counts.get(name) ?? 0,
	};
}
