import { afterEach, expect, test, vi } from 'vitest';
import { revokeOnShutdown } from '../../../examples/refresh/revoke-on-shutdown.ts';
import { TokenManager } from '../../../examples/refresh/token-manager.ts';
import { exchangesTo } from '../../support/exchanges.ts';
import { bearer, call } from '../../support/http.ts';
import { BASE_URL, DEMO, useMockApi } from '../../support/useMockApi.ts';

const api = useMockApi();
afterEach(() => vi.restoreAllMocks());

test.each([
	{ signal: 'SIGTERM' as const, code: 143 },
	{ signal: 'SIGINT' as const, code: 130 },
])(
	'on $signal the tokens are revoked before the process exits with $code',
	async ({ signal, code }) => {
		const exit = vi.spyOn(process, 'exit').mockImplementation(() => undefined as never);
		const tokens = new TokenManager({ baseUrl: BASE_URL, ...DEMO, scopes: ['messages:read'] });
		const accessToken = await tokens.getAccessToken();
		const undo = revokeOnShutdown(tokens, { keepLogin: false });

		process.emit(signal, signal);
		await vi.waitFor(() => expect(exit).toHaveBeenCalledWith(code));
		undo();

		expect(
			exchangesTo(api.log.entries(), '', 'DELETE').map((exchange) => exchange.response.status)
		).toEqual([204]);
		const read = await call('GET', '/3rdparty/v1/messages/x', {
			authorization: bearer(accessToken),
		});
		expect(read.status).toBe(401);
	}
);

test('the returned function removes the handlers', () => {
	const before = process.listenerCount('SIGTERM');
	const undo = revokeOnShutdown(
		{ stop: async () => {}, revoke: async () => {} },
		{ keepLogin: false }
	);
	expect(process.listenerCount('SIGTERM')).toBe(before + 1);
	undo();
	expect(process.listenerCount('SIGTERM')).toBe(before);
});

test('a failed revocation is reported, and the process still exits', async () => {
	const exit = vi.spyOn(process, 'exit').mockImplementation(() => undefined as never);
	const report = vi.spyOn(console, 'error').mockImplementation(() => {});
	const undo = revokeOnShutdown(
		{ stop: async () => {}, revoke: () => Promise.reject(new Error('network down')) },
		{ keepLogin: false }
	);
	process.emit('SIGTERM', 'SIGTERM');
	await vi.waitFor(() => expect(exit).toHaveBeenCalledWith(143));
	undo();
	expect(report).toHaveBeenCalledWith('could not shut the tokens down', expect.any(Error));
});

test('keepLogin: a restart stops the tokens and keeps the login working for the next process', async () => {
	const exit = vi.spyOn(process, 'exit').mockImplementation(() => undefined as never);
	const tokens = new TokenManager({ baseUrl: BASE_URL, ...DEMO, scopes: ['messages:read'] });
	const accessToken = await tokens.getAccessToken();
	const undo = revokeOnShutdown(tokens, { keepLogin: true });
	process.emit('SIGTERM', 'SIGTERM');
	await vi.waitFor(() => expect(exit).toHaveBeenCalledWith(143));
	undo();
	expect(exchangesTo(api.log.entries(), '', 'DELETE')).toEqual([]);
	await expect(tokens.getAccessToken()).rejects.toThrow(/stopped/);
	const read = await call('GET', '/3rdparty/v1/messages/x', { authorization: bearer(accessToken) });
	expect(read.status).toBe(404);
});
