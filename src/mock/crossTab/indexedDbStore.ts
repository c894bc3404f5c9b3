import type { SharedStore } from './SharedState.ts';

const DATABASE = 'token-pair-docs';
const OBJECTS = 'shared';

/**
 * A {@link SharedStore} in IndexedDB, under `key`.
 *
 * Not `localStorage`: Chromium gives each tab's process a cached copy of it and brings the other
 * tabs' writes in asynchronously, so a tab that takes the lock right after another tab wrote (or
 * hears about the write on a BroadcastChannel) can still read the previous state, and would then
 * save over the newer one. An IndexedDB transaction that starts after another one completed,
 * in any tab, sees what it wrote.
 */
export function indexedDbStore(factory: IDBFactory, key: string): SharedStore {
	let database: Promise<IDBDatabase> | undefined;
	const open = () =>
		(database ??= new Promise<IDBDatabase>((resolve, reject) => {
			const request = factory.open(DATABASE, 1);
			request.onupgradeneeded = () => request.result.createObjectStore(OBJECTS);
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error ?? new Error('IndexedDB did not open'));
			request.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'));
		}).catch((error: unknown) => {
			database = undefined;
			throw error;
		}));
	/** Runs one request in its own transaction; resolves when the transaction has completed. */
	const run = async <T>(
		mode: IDBTransactionMode,
		operation: (objects: IDBObjectStore) => IDBRequest<T>
	): Promise<T> => {
		const transaction = (await open()).transaction(OBJECTS, mode, { durability: 'relaxed' });
		const request = operation(transaction.objectStore(OBJECTS));
		return new Promise<T>((resolve, reject) => {
			transaction.oncomplete = () => resolve(request.result);
			transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB failed'));
			transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB aborted'));
		});
	};
	return {
		async read() {
			const value = await run('readonly', (objects) => objects.get(key));
			return typeof value === 'string' ? value : null;
		},
		async write(text) {
			await run('readwrite', (objects) => objects.put(text, key));
		},
		async remove() {
			await run('readwrite', (objects) => objects.delete(key));
		},
	};
}
