import type { GenuinePool } from './arbitraries.ts';

/** A minimal request function, whatever the transport. */
export type Send = (request: {
	method: string;
	path: string;
	headers?: Record<string, string>;
	body?: string;
}) => Promise<{ status: number; json: unknown; headers: Headers }>;

/**
 * Mints the genuine credentials a property run mutates: token pairs of several scope sets, a
 * service token, a browser session and a message, all for the demo account.
 */
export async function mintPool(send: Send): Promise<GenuinePool> {
	const basic = `Basic ${btoa('demo:demo-password')}`;
	const json = { Authorization: basic, 'Content-Type': 'application/json' };
	const must = async (label: string, request: Parameters<Send>[0], status: number) => {
		const response = await send(request);
		if (response.status !== status) throw new Error(`${label}: ${response.status}`);
		return response;
	};
	const tokens: string[] = [];
	const ids: string[] = [];
	for (const scopes of [
		['messages:send', 'messages:read', 'tokens:manage'],
		['messages:read'],
		['tokens:manage'],
	]) {
		const pair = (
			await must(
				'issue',
				{
					method: 'POST',
					path: '/3rdparty/v1/auth/token',
					headers: json,
					body: JSON.stringify({ scopes }),
				},
				201
			)
		).json as { id: string; access_token: string; refresh_token: string };
		tokens.push(pair.access_token, pair.refresh_token);
		ids.push(pair.id);
	}
	const service = (
		await must(
			'service token',
			{
				method: 'POST',
				path: '/3rdparty/v1/service-tokens',
				headers: json,
				body: JSON.stringify({ name: 'fuzz', scopes: ['messages:send', 'messages:read'] }),
			},
			201
		)
	).json as { id: string; token: string };
	tokens.push(service.token);
	ids.push(service.id);
	const message = (
		await must(
			'message',
			{
				method: 'POST',
				path: '/3rdparty/v1/messages',
				headers: { Authorization: `Bearer ${tokens[0]}`, 'Content-Type': 'application/json' },
				body: JSON.stringify({ phoneNumbers: ['+15555550100'], textMessage: { text: 'hi' } }),
			},
			202
		)
	).json as { id: string };
	ids.push(message.id);
	const login = await must(
		'login',
		{
			method: 'POST',
			path: '/auth/login',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ username: 'demo', password: 'demo-password' }),
		},
		200
	);
	const cookie = /^refresh_token=([^;]+)/.exec(login.headers.getSetCookie()[0] ?? '')?.[1];
	if (!cookie) throw new Error('login set no cookie');
	return {
		tokens,
		ids,
		basics: [basic, `Basic ${btoa('other:other-password')}`],
		cookie,
	};
}
