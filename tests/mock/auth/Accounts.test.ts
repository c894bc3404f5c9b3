import { describe, expect, test } from 'vitest';
import { DEFAULT_ACCOUNTS } from '../../../src/mock/auth/Account.ts';
import { Accounts } from '../../../src/mock/auth/Accounts.ts';
import { CONCRETE_SCOPES } from '../../../src/mock/contract/scopes.ts';

describe('Accounts', () => {
	test('a default account holds everything: its grants are all:any, covering all but tokens:refresh', () => {
		const accounts = new Accounts(DEFAULT_ACCOUNTS);
		expect(accounts.grants('user-demo')).toEqual(['all:any']);
		for (const scope of CONCRETE_SCOPES) expect(accounts.covers('user-demo', scope)).toBe(true);
		expect(accounts.covers('user-demo', 'all:any')).toBe(true);
		expect(accounts.covers('user-demo', 'tokens:refresh')).toBe(false);
		expect(accounts.covers('nobody', 'messages:send')).toBe(false);
	});

	test('taking a scope from a wildcard account leaves every other concrete scope, not the wildcard', () => {
		const accounts = new Accounts(DEFAULT_ACCOUNTS);
		accounts.removeScope('demo', 'settings:write');
		expect(accounts.grants('user-demo')).toEqual(
			CONCRETE_SCOPES.filter((scope) => scope !== 'settings:write')
		);
		expect(accounts.covers('user-demo', 'settings:write')).toBe(false);
		expect(accounts.covers('user-demo', 'all:any')).toBe(false);
		expect(accounts.covers('user-other', 'settings:write')).toBe(true);
	});

	test('taking all:any away keeps the concrete scopes', () => {
		const accounts = new Accounts([
			{ username: 'u', password: 'p', userId: 'id', scopes: ['all:any', 'messages:read'] },
		]);
		accounts.removeScope('u', 'all:any');
		expect(accounts.grants('id')).toEqual(['messages:read']);
	});

	test('configured grants are honoured, and reset restores them', () => {
		const accounts = new Accounts([
			{ username: 'u', password: 'p', userId: 'id', scopes: ['messages:read', 'logs:read'] },
		]);
		accounts.removeScope('u', 'logs:read');
		expect(accounts.grants('id')).toEqual(['messages:read']);
		accounts.reset();
		expect(accounts.grants('id')).toEqual(['messages:read', 'logs:read']);
	});

	test('credentials must match one account exactly; an unknown username is an error', () => {
		const accounts = new Accounts(DEFAULT_ACCOUNTS);
		expect(accounts.verify('demo', 'demo-password')?.userId).toBe('user-demo');
		expect(accounts.verify('demo', 'other-password')).toBeUndefined();
		expect(() => accounts.removeScope('nobody', 'messages:send')).toThrow(/no account nobody/);
	});
});
