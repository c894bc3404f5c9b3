import { beforeEach, describe, expect, test, vi } from 'vitest';
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

beforeEach(() => {
	clock = new Clock(() => Date.parse('2026-03-14T00:00:00Z'));
	store = new TokenStore();
	tokens = new TokenService({ issuer: 'urn:test', clock, key: () => key });
	pairs = new TokenPairs({ tokens, store, clock });
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
		const copy = new TokenPairs({ tokens, store: copyStore, clock });
		copy.restore(successors);
		expect(spent(await copy.rotate(first.body.refresh_token, overlap)).body).toEqual(second.body);
		// Without the successors, the same replay is reuse.
		const forgetful = new TokenPairs({ tokens, store: copyStore, clock });
		expect(await forgetful.rotate(first.body.refresh_token, overlap)).toEqual({
			ok: false,
			reason: 'reused',
		});
	});

	test('waits for a pair still being signed, so a rotation in flight is not lost', async () => {
		let open = () => {};
		let gate = Promise.resolve();
		// Signing waits for the gate, so the snapshot can be taken while a successor is unsigned.
		const gated = {
			sign: (...args: Parameters<TokenService['sign']>) => gate.then(() => tokens.sign(...args)),
			verify: tokens.verify.bind(tokens),
		} as unknown as TokenService;
		const slow = new TokenPairs({ tokens: gated, store, clock });
		const first = await slow.issue('user-1', ['messages:send']);
		gate = new Promise((resolve) => (open = resolve));
		const rotation = slow.rotate(first.body.refresh_token, overlap);
		const jti = String(payloadOf(first.body.refresh_token)['jti']);
		await vi.waitFor(() => expect(store.get(jti)?.consumedAt).toBeDefined(), { interval: 1 });

		const snapshot = slow.snapshot();
		open();
		const [successors, rotated] = await Promise.all([snapshot, rotation]);
		expect(successors).toEqual([[jti, spent(rotated)]]);
	});

	test('leaves out a successor whose signing failed', async () => {
		let fail = false;
		const flaky = {
			sign: (...args: Parameters<TokenService['sign']>) =>
				fail ? Promise.reject(new Error('no key')) : tokens.sign(...args),
			verify: tokens.verify.bind(tokens),
		} as unknown as TokenService;
		const broken = new TokenPairs({ tokens: flaky, store, clock });
		const first = await broken.issue('user-1', ['messages:send']);
		fail = true;
		await expect(broken.rotate(first.body.refresh_token, overlap)).rejects.toThrow('no key');
		expect(await broken.snapshot()).toEqual([]);
	});
});
