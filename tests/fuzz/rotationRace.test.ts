/**
 * A refresh and a revocation of the same pair, fired at once, many times over: whichever lands
 * first, no token the refresh produced may work afterwards (the contract's "atomic with respect
 * to a rotation in flight"). Over both transports, since the HTTP one interleaves differently.
 */
import { describe, expect, test } from 'vitest';
import { createRowContext } from './support/createRowContext.ts';
import { TRANSPORT_NAMES, useTransport } from './support/transports.ts';

const PAIRS = 200;

const decodeJti = (token: string): string =>
	(JSON.parse(atob(token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as { jti: string })
		.jti;

describe.each(TRANSPORT_NAMES)('racing refresh and revocation over %s', (name) => {
	const transport = useTransport(name);
	const c = createRowContext(transport);
	const revoke = (jti: string) =>
		c.send({
			method: 'DELETE',
			path: `/3rdparty/v1/auth/token/${jti}`,
			headers: { Authorization: c.basic() },
		});

	// Revoking the pair's id (its access token) or the refresh token's own jti: both are ancestors
	// of whatever the refresh makes.
	const targets = [
		['the pair’s id', (pair: { id: string }) => pair.id],
		['the refresh token’s jti', (pair: { refresh_token: string }) => decodeJti(pair.refresh_token)],
	] as const;

	test.each(targets)(
		`${PAIRS} refreshes raced with a DELETE of %s leave no live successor`,
		async (_what, target) => {
			const survivors: string[] = [];
			for (let i = 0; i < PAIRS; i += 1) {
				const pair = await c.issue(['messages:read']);
				const [rotation, revocation] = await Promise.all([
					c.refresh(pair.refresh_token),
					revoke(target(pair)),
				]);
				expect(revocation.status).toBe(204);
				expect([201, 401]).toContain(rotation.status);
				if (rotation.status !== 201) continue;
				const next = rotation.json as { access_token: string; refresh_token: string };
				const [use, again] = [
					await c.probe(`Bearer ${next.access_token}`),
					await c.refresh(next.refresh_token),
				];
				if (use.status !== 401 || again.status !== 401)
					survivors.push(`race ${i}: ${use.status}/${again.status}`);
			}
			expect(survivors).toEqual([]);
		}
	);
});
