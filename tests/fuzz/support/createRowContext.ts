import { toLowS } from '../../../src/mock/tokens/lowS.ts';
import { SignJWT } from 'jose';
import type { TokenPairBody } from '../../../src/mock/pairs/TokenPairs.ts';
import type { RowContext } from './CatalogueRow.ts';
import type { Transport } from './transports.ts';

/** The helpers a catalogue row gets, over one transport. */
export function createRowContext(transport: Transport): RowContext {
	const { api, send } = transport;
	const basic = (username = 'demo', password = 'demo-password') =>
		`Basic ${btoa(`${username}:${password}`)}`;
	return {
		api,
		send,
		basic,
		issue: async (scopes = ['messages:send', 'messages:read']) => {
			const response = await send({
				method: 'POST',
				path: '/3rdparty/v1/auth/token',
				headers: { Authorization: basic(), 'Content-Type': 'application/json' },
				body: JSON.stringify({ scopes }),
			});
			if (response.status !== 201)
				throw new Error(`issue failed: ${response.status} ${response.text}`);
			return response.json as TokenPairBody;
		},
		refresh: (token) =>
			send({
				method: 'POST',
				path: '/3rdparty/v1/auth/token/refresh',
				headers: { Authorization: `Bearer ${token}` },
			}),
		probe: (authorization) =>
			send({
				method: 'GET',
				path: '/3rdparty/v1/messages/nope',
				headers: authorization === undefined ? {} : { Authorization: authorization },
			}),
		resign: async (claims, header = {}) => {
			const key = await api.signingKey();
			const token = await new SignJWT(claims)
				.setProtectedHeader({ alg: 'ES256', typ: 'JWT', kid: key.kid, ...header })
				.sign(key.privateKey);
			// The API's own spelling (low S), so only what the row changed can be refused.
			const [head, body, signature = ''] = token.split('.');
			return `${head}.${body}.${toLowS(signature)}`;
		},
	};
}
