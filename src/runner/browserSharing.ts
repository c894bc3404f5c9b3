import { indexedDbStore } from '../mock/crossTab/indexedDbStore.ts';
import { SHARED_MOCK_NAME, type SharedMockOptions } from '../mock/crossTab/SharedMock.ts';

/**
 * What this page can share its mock with other tabs through: Web Locks, IndexedDB and a
 * `BroadcastChannel`, each `undefined` where the browser lacks it (Web Locks need a secure
 * context). A store that fails to open (site data blocked) makes the mock this tab's alone.
 */
export function browserSharing(): Pick<SharedMockOptions, 'locks' | 'store' | 'channel'> {
	return {
		locks: (navigator as { locks?: LockManager }).locks,
		store:
			typeof indexedDB === 'undefined' ? undefined : indexedDbStore(indexedDB, SHARED_MOCK_NAME),
		channel:
			typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(SHARED_MOCK_NAME),
	};
}
