import type { SharedStore } from '../../src/mock/crossTab/SharedState.ts';

/** A `SharedStore` in memory, shared by the "tabs" of one test, with what happened to it. */
export function createMemoryStore() {
	let value: string | null = null;
	let writes = 0;
	const store = {
		failWrites: undefined as Error | undefined,
		async read() {
			return value;
		},
		async write(text: string) {
			if (store.failWrites) throw store.failWrites;
			writes++;
			value = text;
		},
		async remove() {
			value = null;
		},
		/** What is stored, `null` for nothing. */
		get value() {
			return value;
		},
		/** How many writes succeeded. */
		get writes() {
			return writes;
		},
	};
	return store satisfies SharedStore;
}
