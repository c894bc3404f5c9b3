/**
 * One server for `bench/mock.ts`, in a process of its own so the load generator never shares its
 * event loop: `node bench/lib/benchServer.ts <kind>` listens on a free loopback port and prints
 * its URL on the first line of stdout.
 *
 * - `mock`: the mock over HTTP, as `npm run mock-api` serves it (`startHttpServer`).
 * - `bare`: a bare srvx server answering every request with the mock's JWKS document, fixed, as
 *   JSON: the floor of what Node's HTTP stack and srvx's bridge cost.
 * - `bare-sign`: a bare srvx server that signs two ES256 JWTs with jose per request, as issuing a
 *   pair must: the floor of issuing, signatures included.
 */
import { SignJWT } from 'jose';
import { serve } from 'srvx';
import { createMockApi } from '../../src/mock/createMockApi.ts';
import { startHttpServer } from '../../src/mock/transports/http/startHttpServer.ts';

const kind = process.argv[2];
const api = createMockApi({ logCapacity: 0 });

if (kind === 'mock') {
	const server = await startHttpServer({ api, port: 0 });
	console.log(server.url);
} else if (kind === 'bare' || kind === 'bare-sign') {
	const key = await api.signingKey();
	const jwks = { keys: [key.publicJwk] };
	const sign = (type: string) =>
		new SignJWT({ sub: 'user-demo', type, scopes: ['messages:send'] })
			.setProtectedHeader({ alg: 'ES256', typ: 'JWT', kid: key.kid })
			.setIssuedAt()
			.setExpirationTime('15m')
			.sign(key.privateKey);
	const server = serve({
		port: 0,
		hostname: '127.0.0.1',
		silent: true,
		fetch:
			kind === 'bare'
				? () => Response.json(jwks)
				: async () => {
						const [access, refresh] = await Promise.all([sign('access'), sign('refresh')]);
						return Response.json({ access_token: access, refresh_token: refresh }, { status: 201 });
					},
	});
	await server.ready();
	console.log(server.url!.replace(/\/$/, ''));
} else {
	console.error('usage: node bench/lib/benchServer.ts mock|bare|bare-sign');
	process.exitCode = 2;
}
