import { describe, expect, test } from 'vitest';
import { TokenNames } from '../../../src/runner/redact/TokenNames.ts';

const b64 = (value: object) =>
	btoa(JSON.stringify(value)).replaceAll('+', '-').replaceAll('/', '_').replaceAll('=', '');
const jwt = (claims: object) => `${b64({ alg: 'ES256' })}.${b64(claims)}.c2lnbmF0dXJlLWJ5dGVz`;

describe('TokenNames', () => {
	test('counts each role separately, in the order tokens are learned', () => {
		const names = new TokenNames();
		const a1 = jwt({ type: 'access', jti: '1' });
		const r1 = jwt({ type: 'refresh', jti: '2' });
		const a2 = jwt({ type: 'access', jti: '3' });
		const s1 = jwt({ type: 'access', name: 'billing', jti: '4' });
		names.learn(JSON.stringify({ access_token: a1, refresh_token: r1 }));
		names.learn(`${a2} and again ${a1}`);
		names.learn(JSON.stringify({ token: s1 }));
		expect([a1, r1, a2, s1].map((token) => names.nameOf(token))).toEqual([
			'‹access token 1›',
			'‹refresh token 1›',
			'‹access token 2›',
			'‹service token 1›',
		]);
	});

	test('does not name strings that only look like tokens', () => {
		const names = new TokenNames();
		const untyped = jwt({ sub: 'x' });
		const truncated = jwt({ type: 'access' }).split('.').slice(0, 2).join('.');
		names.learn(`${untyped} ${truncated} eyJnotbase64!!`);
		expect(names.tokens()).toEqual([]);
	});

	test('lists longer tokens first', () => {
		const names = new TokenNames();
		const short = jwt({ type: 'access' });
		const long = jwt({ type: 'access', padding: 'x'.repeat(50) });
		names.learn(`${short} ${long}`);
		expect(names.tokens()).toEqual([long, short]);
	});
});

describe('TokenNames snapshot and restore', () => {
	test('another instance names what this one named, and counts on from there', () => {
		const first = new TokenNames();
		const a1 = jwt({ type: 'access', jti: '1' });
		const r1 = jwt({ type: 'refresh', jti: '2' });
		first.learn(`${a1} ${r1}`);
		const second = new TokenNames();
		second.restore(JSON.parse(JSON.stringify(first.snapshot())));
		expect(second.nameOf(r1)).toBe('‹refresh token 1›');
		const a2 = jwt({ type: 'access', jti: '3' });
		second.learn(a2);
		expect(second.nameOf(a2)).toBe('‹access token 2›');
		expect(second.tokens()).toHaveLength(3);
		// The first instance is not tied to the second.
		expect(first.nameOf(a2)).toBeUndefined();
	});

	test('restoring replaces: names learned since are forgotten, as after a reset elsewhere', () => {
		const names = new TokenNames();
		const empty = names.snapshot();
		const a1 = jwt({ type: 'access', jti: '1' });
		names.learn(a1);
		names.restore(empty);
		expect(names.nameOf(a1)).toBeUndefined();
		names.learn(a1);
		expect(names.nameOf(a1)).toBe('‹access token 1›');
	});

	test.each([
		['nothing', undefined],
		[
			'names that this class does not make',
			{ names: [['x', '<b>bold</b>']], counts: { access: 0, refresh: 0, service: 0 } },
		],
		[
			'counters that are not numbers',
			{ names: [], counts: { access: '1', refresh: 0, service: 0 } },
		],
		['a missing counter', { names: [], counts: { access: 1, refresh: 0 } }],
	])('ignores %s', (_, value) => {
		const names = new TokenNames();
		const a1 = jwt({ type: 'access', jti: '1' });
		names.learn(a1);
		names.restore(value);
		expect(names.nameOf(a1)).toBe('‹access token 1›');
	});
});
