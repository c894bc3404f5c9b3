/**
 * Random interleavings of refresh, revoke and logout on one login's family, fired in concurrent
 * batches, checked against a model of the contract: nothing revoked ever works again, and of
 * concurrent refreshes of one live token exactly one wins (none if its line was revoked in the
 * same batch).
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createMockApi } from '../../src/mock/createMockApi.ts';
import { createNodeTransport } from '../../src/mock/transports/node.ts';
import { fuzzParameters, fuzzTimeout } from '../support/fuzzBudget.ts';
import { testClock } from '../support/testClock.ts';

const BASE = 'https://api.token-pair.test';
const basic = `Basic ${btoa('demo:demo-password')}`;
const jtiOf = (token: string): string =>
	(JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as { jti: string })
		.jti;

/** One generation of the family: a pair, and what the model knows of it. */
interface Generation {
	access: string;
	refresh: string;
	accessJti: string;
	refreshJti: string;
}

type Op =
	| { kind: 'refresh'; generation: number }
	| { kind: 'revoke'; generation: number; which: 'access' | 'refresh' }
	| { kind: 'logout'; generation: number };

const op: fc.Arbitrary<Op> = fc.oneof(
	{
		weight: 4,
		arbitrary: fc.record({ kind: fc.constant('refresh' as const), generation: fc.nat() }),
	},
	{
		weight: 2,
		arbitrary: fc.record({
			kind: fc.constant('revoke' as const),
			generation: fc.nat(),
			which: fc.constantFrom('access' as const, 'refresh' as const),
		}),
	},
	{
		weight: 1,
		arbitrary: fc.record({ kind: fc.constant('logout' as const), generation: fc.nat() }),
	}
);

describe.each(['api', 'session'] as const)(
	'a family on the %s surface under racing operations',
	(surface) => {
		test(
			'nothing revoked works again; exactly one concurrent refresh of a live token wins',
			async () => {
				const api = createMockApi({ clock: testClock() });
				const server = createNodeTransport(api);
				server.listen({ onUnhandledFrame: 'error' });
				try {
					await fc.assert(
						fc.asyncProperty(
							fc.array(fc.array(op, { minLength: 1, maxLength: 6 }), {
								minLength: 1,
								maxLength: 6,
							}),
							async (batches) => {
								api.reset();
								const family: Generation[] = [await start(surface)];
								// Revoked: jtis a revocation was asked for (their descendants die with them); ended:
								// the whole family (logout).
								const revoked = new Set<string>();
								let ended = false;
								const consumed = new Set<string>();
								/** Whether a generation's token descends from (or is) a revoked one. */
								const dead = (index: number, which: 'access' | 'refresh') => {
									if (ended) return true;
									for (let i = 0; i <= index; i += 1) {
										const g = family[i]!;
										if (revoked.has(g.accessJti)) return true;
										if (i < index && revoked.has(g.refreshJti)) return true;
									}
									return which === 'refresh' && revoked.has(family[index]!.refreshJti);
								};

								for (const batch of batches) {
									const latest = family.length - 1;
									const pick = (n: number) => n % family.length;
									const refreshes = batch
										.filter((o) => o.kind === 'refresh')
										.map((o) => pick(o.generation));
									const results = await Promise.all(
										batch.map((o) => perform(o, family[pick(o.generation)]!, family[0]!))
									);
									for (const o of batch) {
										const g = family[pick(o.generation)]!;
										if (o.kind === 'revoke')
											revoked.add(o.which === 'access' ? g.accessJti : g.refreshJti);
										if (o.kind === 'logout') ended = true;
									}
									const revokedMeanwhile = batch.some((o) => o.kind !== 'refresh');
									// Browser sessions always revoke the family on reuse: a second refresh of one token
									// (or any of a spent one) ends it. Only counted when no revocation raced it.
									if (surface === 'session' && !revokedMeanwhile) {
										const reused = refreshes.some(
											(index, i) =>
												!dead(index, 'refresh') &&
												(consumed.has(family[index]!.refreshJti) || refreshes.indexOf(index) !== i)
										);
										if (reused) ended = true;
									}
									const winners = results.filter(
										(r): r is Generation => r !== null && typeof r === 'object'
									);
									// Only the newest generation's refresh token is unspent; at most one refresh of it wins.
									expect(winners.length).toBeLessThanOrEqual(1);
									const raced = refreshes.includes(latest);
									if (
										raced &&
										!revokedMeanwhile &&
										!dead(latest, 'refresh') &&
										!consumed.has(family[latest]!.refreshJti)
									) {
										expect(winners).toHaveLength(1);
									}
									for (const index of refreshes) consumed.add(family[index]!.refreshJti);
									if (winners[0]) family.push(winners[0]);

									// Nothing revoked works again: every dead token is refused, now and after the batch.
									for (const [index, g] of family.entries()) {
										if (dead(index, 'access'))
											expect(await use(g.access), `access of generation ${index}`).toBe(401);
										if (dead(index, 'refresh'))
											expect(await spend(g.refresh), `refresh of generation ${index}`).toBe(401);
									}
								}
							}
						),
						fuzzParameters(40, 1 / 2)
					);
				} finally {
					server.close();
				}

				async function start(on: typeof surface): Promise<Generation> {
					if (on === 'api') {
						const response = await fetch(`${BASE}/3rdparty/v1/auth/token`, {
							method: 'POST',
							headers: { Authorization: basic, 'Content-Type': 'application/json' },
							body: JSON.stringify({ scopes: ['messages:read'] }),
						});
						return generation(await response.json(), undefined);
					}
					const response = await fetch(`${BASE}/auth/login`, {
						method: 'POST',
						headers: { 'Content-Type': 'application/json' },
						body: JSON.stringify({ username: 'demo', password: 'demo-password' }),
					});
					return generation(await response.json(), response);
				}

				function generation(
					body: { access_token: string; refresh_token?: string },
					response: Response | undefined
				): Generation {
					const cookie = response?.headers
						.getSetCookie()
						.map((v) => /^refresh_token=([^;]+)/.exec(v)?.[1])
						.find(Boolean);
					const refresh = body.refresh_token ?? cookie ?? '';
					return {
						access: body.access_token,
						refresh,
						accessJti: jtiOf(body.access_token),
						refreshJti: jtiOf(refresh),
					};
				}

				/** Runs one operation; a refresh that wins returns the new generation. */
				async function perform(
					o: Op,
					g: Generation,
					first: Generation
				): Promise<Generation | number> {
					if (o.kind === 'refresh') {
						const response = await refreshWith(g.refresh);
						if (response.status !== (surface === 'api' ? 201 : 200)) return response.status;
						return generation(await response.json(), response);
					}
					if (o.kind === 'revoke') {
						const jti = o.which === 'access' ? g.accessJti : g.refreshJti;
						const response = await fetch(`${BASE}/3rdparty/v1/auth/token/${jti}`, {
							method: 'DELETE',
							headers: { Authorization: basic },
						});
						return response.status;
					}
					const response =
						surface === 'api'
							? // The bearer API ends a login by revoking its first pair: every generation descends from it.
								await fetch(`${BASE}/3rdparty/v1/auth/token/${first.accessJti}`, {
									method: 'DELETE',
									headers: { Authorization: basic },
								})
							: await fetch(`${BASE}/auth/logout`, {
									method: 'POST',
									headers: { Cookie: `refresh_token=${g.refresh}`, 'X-CSRF': '1' },
								});
					return response.status;
				}

				function refreshWith(token: string): Promise<Response> {
					return surface === 'api'
						? fetch(`${BASE}/3rdparty/v1/auth/token/refresh`, {
								method: 'POST',
								headers: { Authorization: `Bearer ${token}` },
							})
						: fetch(`${BASE}/auth/refresh`, {
								method: 'POST',
								headers: { Cookie: `refresh_token=${token}`, 'X-CSRF': '1' },
							});
				}

				async function use(access: string): Promise<number> {
					const response = await fetch(`${BASE}/3rdparty/v1/messages/nope`, {
						headers: { Authorization: `Bearer ${access}` },
					});
					return response.status;
				}

				async function spend(refresh: string): Promise<number> {
					const response = await refreshWith(refresh);
					return response.status;
				}
			},
			fuzzTimeout(120_000, 1 / 2)
		);
	}
);
