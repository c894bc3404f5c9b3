import { beforeEach, describe, expect, test } from 'vitest';
import { Accounts } from '../../../src/mock/auth/Accounts.ts';
import { Clock } from '../../../src/mock/clock/Clock.ts';
import {
	type IssuedPair,
	type RotationPolicy,
	type RotationResult,
	TokenPairs,
} from '../../../src/mock/pairs/TokenPairs.ts';
import { type Surface, TokenStore } from '../../../src/mock/store/TokenStore.ts';
import { generateSigningKey } from '../../../src/mock/tokens/SigningKey.ts';
import { TokenService } from '../../../src/mock/tokens/TokenService.ts';
import { payloadOf } from '../../support/forge.ts';

const DAY = 86_400;
const key = generateSigningKey();

let clock: Clock;
let store: TokenStore;
let tokens: TokenService;
let pairs: TokenPairs;
let accounts: Accounts;

beforeEach(() => {
	clock = new Clock(() => Date.parse('2026-03-14T00:00:00Z'));
	store = new TokenStore();
	tokens = new TokenService({ issuer: 'urn:test', clock, key: () => key });
	accounts = new Accounts([{ username: 'one', password: 'pw', userId: 'user-1' }]);
	pairs = new TokenPairs({ tokens, store, clock, accounts });
});

function spent(result: RotationResult): IssuedPair {
	if (!result.ok) throw new Error(`rotation failed: ${result.reason}`);
	return result.pair;
}

/** Whether an access token still passes (genuine, current, not revoked). */
async function accessWorks(pair: IssuedPair): Promise<boolean> {
	const claims = await tokens.verify(pair.body.access_token, 'access');
	return claims !== null && store.isActive(claims.jti);
}

describe.each(['api', 'session'] as const satisfies readonly Surface[])(
	'on the %s surface',
	(surface) => {
		const policy = (overrides: Partial<RotationPolicy> = {}): RotationPolicy => ({
			reuse: 'reject',
			overlapSeconds: 0,
			surface,
			...overrides,
		});
		const login = () => pairs.issue('user-1', ['messages:send'], { surface });

		test('a token is refused, unspent, on the other surface', async () => {
			const first = await login();
			const other: Surface = surface === 'api' ? 'session' : 'api';
			expect(await pairs.rotate(first.body.refresh_token, policy({ surface: other }))).toEqual({
				ok: false,
				reason: 'invalid',
			});
			expect((await pairs.rotate(first.body.refresh_token, policy())).ok).toBe(true);
		});

		describe('reuse policy', () => {
			test('reject: the replay is refused, the newest pair lives', async () => {
				const first = await login();
				const second = spent(await pairs.rotate(first.body.refresh_token, policy()));
				expect(await pairs.rotate(first.body.refresh_token, policy())).toEqual({
					ok: false,
					reason: 'reused',
				});
				expect(await accessWorks(second)).toBe(true);
				expect((await pairs.rotate(second.body.refresh_token, policy())).ok).toBe(true);
			});

			test('revoke-family: every generation dies, access tokens included', async () => {
				const first = await login();
				const second = spent(await pairs.rotate(first.body.refresh_token, policy()));
				const third = spent(await pairs.rotate(second.body.refresh_token, policy()));
				const replay = await pairs.rotate(
					first.body.refresh_token,
					policy({ reuse: 'revoke-family' })
				);
				expect(replay).toEqual({ ok: false, reason: 'reused' });
				for (const pair of [first, second, third]) expect(await accessWorks(pair)).toBe(false);
				expect(await pairs.rotate(third.body.refresh_token, policy())).toEqual({
					ok: false,
					reason: 'invalid',
				});
			});

			test('revoke-family touches no other login of the same user', async () => {
				const mine = await login();
				const other = await login();
				spent(await pairs.rotate(mine.body.refresh_token, policy()));
				await pairs.rotate(mine.body.refresh_token, policy({ reuse: 'revoke-family' }));
				expect(await accessWorks(other)).toBe(true);
			});
		});

		describe('overlap window', () => {
			test('the immediate predecessor gets the very same successor, up to the window’s last second', async () => {
				const first = await login();
				const second = spent(
					await pairs.rotate(first.body.refresh_token, policy({ overlapSeconds: 20 }))
				);
				clock.advance(20);
				const again = spent(
					await pairs.rotate(first.body.refresh_token, policy({ overlapSeconds: 20 }))
				);
				expect(again.body).toEqual(second.body);
				clock.advance(1);
				expect(
					(await pairs.rotate(first.body.refresh_token, policy({ overlapSeconds: 20 }))).ok
				).toBe(false);
			});

			test('once the successor is spent, the predecessor is reuse even inside the window', async () => {
				const within = policy({ overlapSeconds: 60, reuse: 'revoke-family' });
				const first = await login();
				const second = spent(await pairs.rotate(first.body.refresh_token, within));
				const third = spent(await pairs.rotate(second.body.refresh_token, within));
				expect(await pairs.rotate(first.body.refresh_token, within)).toEqual({
					ok: false,
					reason: 'reused',
				});
				expect(await accessWorks(third)).toBe(false);
			});

			test('a zero window never replays', async () => {
				const first = await login();
				spent(await pairs.rotate(first.body.refresh_token, policy()));
				expect((await pairs.rotate(first.body.refresh_token, policy())).ok).toBe(false);
			});

			test('with revoke-family, a replay after the window revokes the family', async () => {
				const slow = policy({ overlapSeconds: 5, reuse: 'revoke-family' });
				const first = await login();
				const second = spent(await pairs.rotate(first.body.refresh_token, slow));
				clock.advance(6);
				expect((await pairs.rotate(first.body.refresh_token, slow)).ok).toBe(false);
				expect(await accessWorks(second)).toBe(false);
			});
		});

		describe('absolute family lifetime', () => {
			test('no token of the family outlives 90 days from the login; rotation never extends it', async () => {
				const first = await login();
				const end = Number(payloadOf(first.body.access_token)['iat']) + 90 * DAY;
				let current = first;
				for (const _day of [20, 40, 60, 80]) {
					clock.advance(20 * DAY);
					current = spent(await pairs.rotate(current.body.refresh_token, policy()));
					expect(current.refreshExpiresAt).toBeLessThanOrEqual(end);
					expect(current.accessExpiresAt).toBeLessThanOrEqual(end);
				}
				clock.advance(end - clock.nowSeconds() - 1);
				current = spent(await pairs.rotate(current.body.refresh_token, policy()));
				expect(current.refreshExpiresAt).toBe(end);
				expect(current.accessExpiresAt).toBe(end);
				clock.advance(1);
				expect(await pairs.rotate(current.body.refresh_token, policy())).toEqual({
					ok: false,
					reason: 'invalid',
				});
			});
		});

		describe('end (logout)', () => {
			test('revokes the whole family, even through a spent token', async () => {
				const first = await login();
				const second = spent(await pairs.rotate(first.body.refresh_token, policy()));
				expect(await pairs.end(first.body.refresh_token, surface)).toBe(true);
				expect(await accessWorks(second)).toBe(false);
				expect((await pairs.rotate(second.body.refresh_token, policy())).ok).toBe(false);
			});

			test('refuses garbage, access tokens and the other surface’s tokens', async () => {
				const first = await login();
				const other: Surface = surface === 'api' ? 'session' : 'api';
				expect(await pairs.end('garbage', surface)).toBe(false);
				expect(await pairs.end(first.body.access_token, surface)).toBe(false);
				expect(await pairs.end(first.body.refresh_token, other)).toBe(false);
				expect(await accessWorks(first)).toBe(true);
			});
		});
	}
);

describe('snapshot and restore', () => {
	const overlap: RotationPolicy = { reuse: 'reject', overlapSeconds: 30, surface: 'api' };

	test('the remembered successors survive JSON into fresh instances, as resolved pairs', async () => {
		const first = await pairs.issue('user-1', ['messages:send']);
		const second = spent(await pairs.rotate(first.body.refresh_token, overlap));
		const successors = JSON.parse(JSON.stringify(await pairs.snapshot()));
		expect(successors).toEqual([[payloadOf(first.body.refresh_token)['jti'], second]]);

		const copyStore = new TokenStore();
		copyStore.restore(JSON.parse(JSON.stringify(store.snapshot())));
		const copy = new TokenPairs({ tokens, store: copyStore, clock, accounts });
		copy.restore(successors);
		expect(spent(await copy.rotate(first.body.refresh_token, overlap)).body).toEqual(second.body);
		// Without the successors, the same replay is reuse.
		const forgetful = new TokenPairs({ tokens, store: copyStore, clock, accounts });
		expect(await forgetful.rotate(first.body.refresh_token, overlap)).toEqual({
			ok: false,
			reason: 'reused',
		});
	});
});

/**
 * Signing that, once closed, waits for `open()`, so a test can act while a rotation is in flight;
 * `started` resolves when the first signature after `close()` is asked for.
 */
function gatedTokens() {
	let open = () => {};
	let gate = Promise.resolve();
	let signalStart = () => {};
	const gated = {
		sign: (...args: Parameters<TokenService['sign']>) => {
			signalStart();
			return gate.then(() => tokens.sign(...args));
		},
		verify: tokens.verify.bind(tokens),
	} as unknown as TokenService;
	const control = {
		tokens: gated,
		started: Promise.resolve(),
		close: () => {
			gate = new Promise((resolve) => (open = resolve));
			control.started = new Promise((resolve) => (signalStart = resolve));
		},
		open: () => open(),
	};
	return control;
}

describe('a rotation in flight', () => {
	const policy: RotationPolicy = { reuse: 'reject', overlapSeconds: 0, surface: 'api' };

	test('changes nothing until its successor is stored', async () => {
		const gate = gatedTokens();
		const slow = new TokenPairs({ tokens: gate.tokens, store, clock, accounts });
		const first = await slow.issue('user-1', ['messages:send']);
		const before = store.records().length;
		gate.close();
		const rotation = slow.rotate(first.body.refresh_token, policy);
		const jti = String(payloadOf(first.body.refresh_token)['jti']);
		await gate.started;
		expect(store.get(jti)?.consumedAt).toBeUndefined();
		expect(await slow.snapshot()).toEqual([]);
		gate.open();
		const rotated = spent(await rotation);
		expect(store.get(jti)?.consumedAt).toBeDefined();
		expect(store.records()).toHaveLength(before + 2);
		expect(await slow.snapshot()).toEqual([[jti, rotated]]);
	});

	// Each way of revoking the pair while its refresh token is being rotated.
	const revocations: [string, (first: IssuedPair) => void | Promise<unknown>][] = [
		['its id (the access token) is revoked', (first) => store.revokeTree(first.body.id)],
		[
			'the refresh token’s own jti is revoked',
			(first) => store.revokeTree(String(payloadOf(first.body.refresh_token)['jti'])),
		],
		['the login is ended (logout)', (first) => pairs.end(first.body.refresh_token, 'api')],
	];
	test.each(revocations)(
		'is refused, and leaves no live successor, when %s',
		async (_how, revoke) => {
			const gate = gatedTokens();
			const slow = new TokenPairs({ tokens: gate.tokens, store, clock, accounts });
			const first = await slow.issue('user-1', ['messages:send']);
			gate.close();
			const rotation = slow.rotate(first.body.refresh_token, policy);
			await gate.started;
			await revoke(first);
			gate.open();
			expect(await rotation).toEqual({ ok: false, reason: 'invalid' });
			// Nothing the rotation signed was stored, so no token it made can ever be accepted.
			expect(store.records().map((record) => record.jti)).toEqual([
				first.body.id,
				payloadOf(first.body.refresh_token)['jti'],
			]);
			expect(await slow.snapshot()).toEqual([]);
		}
	);

	test('whose signing fails leaves the refresh token unspent', async () => {
		let fail = false;
		const flaky = {
			sign: (...args: Parameters<TokenService['sign']>) =>
				fail ? Promise.reject(new Error('no key')) : tokens.sign(...args),
			verify: tokens.verify.bind(tokens),
		} as unknown as TokenService;
		const broken = new TokenPairs({ tokens: flaky, store, clock, accounts });
		const first = await broken.issue('user-1', ['messages:send']);
		fail = true;
		await expect(broken.rotate(first.body.refresh_token, policy)).rejects.toThrow('no key');
		expect(await broken.snapshot()).toEqual([]);
		fail = false;
		expect((await broken.rotate(first.body.refresh_token, policy)).ok).toBe(true);
	});
});

describe('a refresh never grants a scope the account no longer holds', () => {
	const policy: RotationPolicy = { reuse: 'reject', overlapSeconds: 0, surface: 'api' };

	test('the new pair carries the original scopes the account still holds, and so do later ones', async () => {
		const first = await pairs.issue('user-1', ['messages:send', 'messages:read']);
		accounts.removeScope('one', 'messages:read');
		const second = spent(await pairs.rotate(first.body.refresh_token, policy));
		expect(payloadOf(second.body.access_token)['scopes']).toEqual(['messages:send']);
		expect(payloadOf(second.body.refresh_token)['original_scopes']).toEqual(['messages:send']);
		accounts.reset();
		const third = spent(await pairs.rotate(second.body.refresh_token, policy));
		expect(payloadOf(third.body.access_token)['scopes']).toEqual(['messages:send']);
	});

	test('with none left the refresh is refused and the token stays unspent', async () => {
		const first = await pairs.issue('user-1', ['messages:read']);
		accounts.removeScope('one', 'messages:read');
		expect(await pairs.rotate(first.body.refresh_token, policy)).toEqual({
			ok: false,
			reason: 'invalid',
		});
		expect(
			store.get(String(payloadOf(first.body.refresh_token)['jti']))?.consumedAt
		).toBeUndefined();
	});
});
