import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, type Server as NetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer as createTlsServer } from 'node:tls';
import { Agent, fetch as undiciFetch } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import published from '../../../examples/browser-apps/nginx.conf?raw';
import { SessionClient } from '../../../examples/browser-apps/session-client.ts';
import { createMockApi } from '../../../src/mock/createMockApi.ts';
import {
	type RunningHttpServer,
	startHttpServer,
} from '../../../src/mock/transports/http/startHttpServer.ts';
import { createBrowser } from '../../support/browserTab.ts';
import { exchangesTo } from '../../support/exchanges.ts';
import { startNginx } from '../../support/startNginx.ts';
import { testClock } from '../../support/testClock.ts';
import { type CertificateFiles, ThrowawayCa } from '../../support/throwawayCa.ts';
import { DEMO } from '../../support/useMockApi.ts';

// The published config (examples/browser-apps/nginx.conf) runs in Debian's nginx, in front of the
// mock over real HTTP. Upstream TLS is real too: a TLS front for the mock presents a certificate
// for api.example.com from a certificate authority made for this run, so the config's
// `proxy_ssl_verify on` checks a real chain and a real name. What this test changes in the config
// is only what differs on this machine, listed in `onThisMachine` below.

const dir = mkdtempSync(join(tmpdir(), 'nginx-example-'));
const ca = new ThrowawayCa(dir, 'trusted');
const foreignCa = new ThrowawayCa(dir, 'foreign');
const certs = {
	// The app's own certificate, also valid for 127.0.0.1, where the test's browser reaches it.
	app: ca.issue('app', ['app.example.com', 'IP:127.0.0.1']),
	api: ca.issue('api', ['api.example.com']),
	apiFromForeignCa: foreignCa.issue('api-foreign', ['api.example.com']),
	otherName: ca.issue('other', ['other.example.com']),
};
const appRoot = join(dir, 'app');
mkdirSync(appRoot);
writeFileSync(join(appRoot, 'index.html'), '<!doctype html><title>app</title>');

const api = createMockApi({ clock: testClock() });
let mock: RunningHttpServer;
beforeAll(async () => {
	mock = await startHttpServer({ api, port: 0 });
});
afterEach(() => api.reset());

/**
 * The browser's network to one nginx: its Unix socket, trusting the test's CA (which signed the
 * app's certificate) and nothing else.
 */
function networkTo(socketPath: string): typeof fetch {
	const agent = new Agent({ connect: { ca: readFileSync(ca.cert), socketPath } });
	running.push({ stop: () => agent.close() });
	return ((input: string, init?: RequestInit) =>
		undiciFetch(input, { ...(init as object), dispatcher: agent })) as unknown as typeof fetch;
}

const running: { stop: () => Promise<void> }[] = [];
afterEach(async () => {
	await Promise.all(running.splice(0).map((server) => server.stop()));
});
afterAll(async () => {
	await mock.close();
	rmSync(dir, { recursive: true, force: true });
});

/** A TLS server in front of the mock, as the real API terminates TLS, with `certificate`. */
async function tlsFrontForMock(certificate: CertificateFiles): Promise<number> {
	const server = createTlsServer(
		{ cert: readFileSync(certificate.cert), key: readFileSync(certificate.key) },
		(socket) => {
			const upstream = connect(mock.port, '127.0.0.1');
			socket.on('error', () => upstream.destroy());
			upstream.on('error', () => socket.destroy());
			socket.pipe(upstream).pipe(socket);
		}
	);
	server.on('tlsClientError', () => {}); // nginx refusing our certificate is the point of some tests
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	running.push({ stop: () => closeServer(server) });
	return (server.address() as { port: number }).port;
}

function closeServer(server: NetServer): Promise<void> {
	return new Promise((resolve) => {
		server.close(() => resolve());
	});
}

/**
 * The published config with what differs on this machine replaced, each exactly once: the API's
 * address (the TLS front on loopback), where nginx listens (a Unix socket of its own, so that no
 * two test runs on one machine compete for a port), the certificate paths, the CA nginx trusts for
 * the API (this run's CA instead of the system bundle), the log path and the app's root. Every
 * other line, `proxy_ssl_verify on` and the name it checks included, runs as published.
 */
function onThisMachine(config: string, socketPath: string, upstreamPort: number, prefix: string) {
	const replacements: [string, string][] = [
		['server api.example.com:443;', `server 127.0.0.1:${upstreamPort};`],
		['listen 443 ssl;', `listen unix:${socketPath} ssl;`],
		['/etc/ssl/certs/app.example.com.pem', certs.app.cert],
		['/etc/ssl/private/app.example.com.key', certs.app.key],
		['/etc/ssl/certs/ca-certificates.crt', ca.cert],
		['/var/log/nginx/app.access.log', join(prefix, 'access.log')],
		['root /srv/app;', `root ${appRoot};`],
	];
	return replacements.reduce((text, [from, to]) => {
		const count = text.split(from).length - 1;
		if (count !== 1)
			throw new Error(`expected "${from}" once in nginx.conf, found it ${count} times`);
		return text.replace(from, to);
	}, config);
}

let proxies = 0;

/** nginx with `config` (the published one by default) in front of a mock whose TLS presents `apiCertificate`. */
async function proxy(apiCertificate: CertificateFiles, config = published) {
	const prefix = join(dir, `nginx-${++proxies}`);
	const socketPath = join(prefix, 'app.sock');
	const upstreamPort = await tlsFrontForMock(apiCertificate);
	const nginx = await startNginx(prefix, onThisMachine(config, socketPath, upstreamPort, prefix));
	running.push(nginx);
	// The app's certificate names 127.0.0.1: the browser checks it as it would the app's host.
	return { url: 'https://127.0.0.1', network: networkTo(socketPath), nginx, prefix };
}

function openTab(baseUrl: string, network: typeof fetch) {
	const browser = createBrowser(network);
	const onLoggedOut = vi.fn();
	const client = new SessionClient({
		baseUrl,
		fetch: browser.fetch,
		indexedDB: browser.indexedDB,
		channel: new BroadcastChannel(`nginx-${proxies}`),
		onLoggedOut,
	});
	running.push({ stop: async () => client.dispose() });
	return { client, onLoggedOut };
}

const send = (client: SessionClient) =>
	client.fetch('/3rdparty/v1/messages', {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ phoneNumbers: ['+15555550100'], textMessage: { text: 'hi' } }),
	});

describe('examples/browser-apps/nginx.conf in Debian nginx', () => {
	test('the session client logs in, calls the API, refreshes with cookie and CSRF header, and logs out through it', async () => {
		const { url, network, prefix } = await proxy(certs.api);
		const { client, onLoggedOut } = openTab(url, network);

		await client.login(DEMO.username, DEMO.password);
		expect(client.loggedIn).toBe(true);
		expect((await send(client)).status).toBe(202);
		const refreshed = await client.refresh();
		expect(refreshed).toEqual(expect.any(String));
		expect((await send(client)).status).toBe(202);
		await client.logout();
		expect(onLoggedOut).toHaveBeenCalled();
		expect(client.loggedIn).toBe(false);

		const entries = api.log.entries();
		const [refresh] = exchangesTo(entries, '/auth/refresh');
		// The cookie set through the proxy came back through it, with the header a form cannot send.
		expect(refresh?.response.status).toBe(200);
		expect(refresh?.request.headers['cookie']).toMatch(/^refresh_token=/);
		expect(refresh?.request.headers['x-csrf']).toBe('1');
		// The API saw its own name, not the upstream block's.
		expect(new Set(entries.map((entry) => entry.request.headers['host']))).toEqual(
			new Set(['api.example.com'])
		);
		expect(exchangesTo(entries, '/auth/logout')[0]?.response.status).toBe(204);

		// The access log has every request, and no password, token or cookie.
		const accessLog = readFileSync(join(prefix, 'access.log'), 'utf8');
		for (const path of ['/auth/login', '/auth/refresh', '/3rdparty/v1/messages', '/auth/logout']) {
			expect(accessLog).toContain(`"POST ${path}"`);
		}
		const secrets = entries.flatMap((entry) => [
			...(entry.response.body?.match(/eyJ[\w-]+\.[\w-]+\.[\w-]+/g) ?? []),
			...(entry.request.headers['cookie'] ? [entry.request.headers['cookie']] : []),
		]);
		expect(secrets.length).toBeGreaterThan(2);
		for (const secret of [...secrets, DEMO.password]) expect(accessLog).not.toContain(secret);
	});

	test('serves the app itself, with HSTS', async () => {
		const { url, network } = await proxy(certs.api);
		const response = await network(`${url}/some/route`);
		expect(response.status).toBe(200);
		expect(await response.text()).toContain('<title>app</title>');
		expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000');
	});

	/** nginx refuses the API's certificate: a 502, and the password never reaches the API. */
	async function refusesTheApi(certificate: CertificateFiles, error: string) {
		const { url, network, nginx } = await proxy(certificate);
		const { client } = openTab(url, network);

		await expect(client.login(DEMO.username, DEMO.password)).rejects.toThrow('login failed: 502');
		expect(api.log.entries()).toEqual([]);
		expect(nginx.log()).toContain(error);
	}

	test('never sends the password to an API whose certificate no trusted CA signed', () =>
		refusesTheApi(certs.apiFromForeignCa, 'upstream SSL certificate verify error'));

	test('never sends the password to an API whose certificate is for another name', () =>
		refusesTheApi(certs.otherName, 'upstream SSL certificate does not match "api.example.com"'));

	test('fails, never skips, where nginx is not installed, saying how to install it', async () => {
		await expect(startNginx(join(dir, 'missing'), '', join(dir, 'no-nginx'))).rejects.toThrow(
			'apt-get install -y nginx'
		);
	});

	test('what `proxy_ssl_verify on` prevents: without it, the password goes to an API no trusted CA vouches for', async () => {
		const unverified = published.replace('proxy_ssl_verify on;', '');
		expect(unverified).not.toBe(published);
		const { url, network } = await proxy(certs.apiFromForeignCa, unverified);
		const { client } = openTab(url, network);

		await client.login(DEMO.username, DEMO.password);
		expect(
			JSON.parse(exchangesTo(api.log.entries(), '/auth/login')[0]?.request.body ?? '{}')
		).toEqual({ username: DEMO.username, password: DEMO.password });
	});
});
