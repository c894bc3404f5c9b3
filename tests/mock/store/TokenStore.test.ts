import { describe, expect, test } from 'vitest';
import { TokenStore } from '../../../src/mock/store/TokenStore.ts';

function filled() {
	const store = new TokenStore();
	store.addFamily({ id: 'f1', sub: 'user-1', surface: 'api', expiresAt: 100, revoked: false });
	store.add({ jti: 'a1', kind: 'access', sub: 'user-1', familyId: 'f1', revoked: false });
	store.add({
		jti: 'r1',
		kind: 'refresh',
		sub: 'user-1',
		familyId: 'f1',
		parent: 'a1',
		revoked: false,
	});
	store.add({
		jti: 'a2',
		kind: 'access',
		sub: 'user-1',
		familyId: 'f1',
		parent: 'r1',
		revoked: false,
	});
	return store;
}

describe('TokenStore snapshot and restore', () => {
	test('a restored store walks the same parent links when revoking', () => {
		const copy = new TokenStore();
		copy.restore(JSON.parse(JSON.stringify(filled().snapshot())));
		copy.revokeTree('a1');
		expect(['a1', 'r1', 'a2'].map((jti) => copy.isActive(jti))).toEqual([false, false, false]);
	});

	test('the snapshot and the restored store share nothing with the original', () => {
		const store = filled();
		const snapshot = store.snapshot();
		const copy = new TokenStore();
		copy.restore(snapshot);
		store.revokeFamily('f1');
		store.get('r1')!.consumedAt = 5;
		expect(copy.isActive('a1')).toBe(true);
		expect(copy.get('r1')?.consumedAt).toBeUndefined();
		copy.get('a1')!.revoked = true;
		expect(snapshot.records[0]?.revoked).toBe(false);
	});

	test('restore replaces what the store held', () => {
		const store = new TokenStore();
		store.add({ jti: 'old', kind: 'access', sub: 'user-2', revoked: false });
		store.restore(filled().snapshot());
		expect(store.get('old')).toBeUndefined();
		expect(store.records().map((record) => record.jti)).toEqual(['a1', 'r1', 'a2']);
	});
});
