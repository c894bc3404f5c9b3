/**
 * Every row of the Troubleshooting page, provoked through the site's examples.
 *
 * The page renders one row per entry of the error catalogue; this table has one provocation per
 * entry (a missing one is a type error), each runs example code the way a reader would misuse it,
 * and the test checks the mock answered exactly that row's status and message.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SessionClient } from '../../examples/browser-apps/session-client.ts';
import { issueTokenPair } from '../../examples/quick-start/issue-token-pair.ts';
import { sendMessage } from '../../examples/quick-start/send-message.ts';
import { createAuthorizedFetch } from '../../examples/refresh/authorized-fetch.ts';
import { changePassword } from '../../examples/refresh/end-all-logins.ts';
import { TokenManager } from '../../examples/refresh/token-manager.ts';
import {
	createServiceToken,
	type ServiceToken,
} from '../../examples/service-tokens/create-service-token.ts';
import { RenewalJob } from '../../examples/service-tokens/renewal-job.ts';
import { TROUBLESHOOTING } from '../../src/data/troubleshooting.ts';
import { ENDPOINTS } from '../../src/mock/contract/endpoints.ts';
import { API_ERRORS, type ApiErrorId, errorBody } from '../../src/mock/contract/errors.ts';
import { clientMessages } from '../../src/site/reference/errorMessages.ts';
import { createMockApi } from '../../src/mock/createMockApi.ts';
import {
	type RunningHttpServer,
	startHttpServer,
} from '../../src/mock/transports/http/startHttpServer.ts';
import { type RawResponse, rawRequest } from '../mock/transports/http/rawRequest.ts';
import { createBrowser } from '../support/browserTab.ts';
import { issuePair } from '../support/http.ts';
import { BASE_URL, DEMO, useMockApi } from '../support/useMockApi.ts';
import { testClock } from '../support/testClock.ts';

const api = useMockApi();

// The HTTP server of `npm run mock-api`, for the errors only it answers; short timeouts, so the
// request-timeout row does not wait 10 s.
let http: RunningHttpServer;
beforeAll(async () => {
	http = await startHttpServer({
		api: createMockApi({ clock: testClock() }),
		port: 0,
		timeouts: { headers: 300, request: 1000, check: 100 },
	});
});
afterAll(() => http.close());
/**
 * Raw bytes to that server. msw/node's interception is paused meanwhile: it holds back a request
 * until its headers are complete, which is exactly what the request-timeout row never sends.
 */
async function raw(bytes: string): Promise<RawResponse> {
	api.server.close();
	try {
		return await rawRequest(http.url, [bytes]);
	} finally {
		api.server.listen({ onUnhandledFrame: 'error' });
	}
}
const DAY = 86_400;

/** The authorized fetch of the refresh guide, as a reader would wire it up. */
function apiFetch(path: string, init: RequestInit = {}) {
	const tokens = new TokenManager({
		baseUrl: BASE_URL,
		...DEMO,
		scopes: ['messages:send', 'messages:read'],
	});
	return createAuthorizedFetch(tokens)(`${BASE_URL}${path}`, init);
}
const postMessage = (body: string) =>
	apiFetch('/3rdparty/v1/messages', {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body,
	});
const renewalJob = (token: ServiceToken) =>
	new RenewalJob({ baseUrl: BASE_URL, ...DEMO, ttlSeconds: DAY, onRenewed: () => {} }, token);
const serviceToken = (overrides: Partial<Parameters<typeof createServiceToken>[0]>) =>
	createServiceToken({
		baseUrl: BASE_URL,
		...DEMO,
		name: 'worker',
		scopes: ['messages:read'],
		...overrides,
	});

interface Provocation {
	/**
	 * Runs example code the wrong way; may throw, as the examples do on errors. An error only the
	 * HTTP server answers returns what it answered instead (no handler saw it, so the log cannot).
	 */
	provoke: () => Promise<unknown>;
	/** The answer of an HTTP-server-only error, read by `provoke` from `npm run mock-api`'s server. */
	transport?: true;
	/** The parameters the message is filled with. */
	params?: Record<string, string | number | string[]>;
}

const PROVOCATIONS: Record<ApiErrorId, Provocation> = {
	invalidBody: { provoke: () => postMessage('{"phoneNumbers": [') },
	unknownField: {
		provoke: () =>
			postMessage(
				JSON.stringify({ phoneNumbers: ['+15555550100'], textMessage: { text: 'x' }, priority: 1 })
			),
		params: { field: 'priority' },
	},
	scopesRequired: { provoke: () => issueTokenPair({ baseUrl: BASE_URL, ...DEMO, scopes: [] }) },
	unknownScope: {
		provoke: () => issueTokenPair({ baseUrl: BASE_URL, ...DEMO, scopes: ['message:send'] }),
		params: { scope: 'message:send' },
	},
	systemScopeRequested: {
		provoke: () => issueTokenPair({ baseUrl: BASE_URL, ...DEMO, scopes: ['tokens:refresh'] }),
	},
	invalidTtl: { provoke: () => serviceToken({ ttl: -60 }) },
	invalidName: { provoke: () => serviceToken({ name: '' }) },
	ttlTooLong: {
		provoke: () => serviceToken({ scopes: ['settings:write'], ttl: 30 * DAY }),
		params: { max_ttl: 7 * DAY },
	},
	scopesNotRecorded: {
		provoke: async () => {
			const legacy = await api.seedLegacyServiceToken({
				username: 'demo',
				name: 'old',
				scopes: ['messages:read'],
			});
			return renewalJob(legacy).renewNow();
		},
	},
	usernameRequired: {
		provoke: () =>
			new SessionClient({ baseUrl: BASE_URL, fetch: createBrowser().fetch }).login('', 'x'),
	},
	passwordRequired: {
		provoke: () =>
			new SessionClient({ baseUrl: BASE_URL, fetch: createBrowser().fetch }).login('demo', ''),
	},
	unsupportedMediaType: {
		// What a cross-site form posts: the session client always sends JSON.
		provoke: () =>
			createBrowser().fetch(`${BASE_URL}/auth/login`, {
				method: 'POST',
				headers: { 'Content-Type': 'text/plain' },
				body: JSON.stringify(DEMO),
			}),
	},
	invalidNewPassword: {
		// The incident procedure's first step, with the stolen password as the "new" one.
		provoke: () => changePassword({ baseUrl: BASE_URL, ...DEMO, newPassword: DEMO.password }),
	},
	phoneNumbersRequired: {
		provoke: async () =>
			sendMessage({
				baseUrl: BASE_URL,
				accessToken: (await issuePair()).access_token,
				phoneNumber: '',
				text: 'x',
			}),
	},
	textRequired: {
		provoke: async () =>
			sendMessage({
				baseUrl: BASE_URL,
				accessToken: (await issuePair()).access_token,
				phoneNumber: '+15555550100',
				text: '',
			}),
	},
	unauthorized: {
		provoke: () =>
			issueTokenPair({
				baseUrl: BASE_URL,
				username: 'demo',
				password: 'wrong',
				scopes: ['messages:send'],
			}),
	},
	scopeRequired: {
		provoke: async () =>
			sendMessage({
				baseUrl: BASE_URL,
				accessToken: (await issuePair(['messages:read'])).access_token,
				phoneNumber: '+15555550100',
				text: 'x',
			}),
		params: { scope: 'messages:send' },
	},
	missingScopes: {
		provoke: async () => {
			const token = await serviceToken({ scopes: ['messages:read'] });
			api.removeAccountScope('demo', 'messages:read');
			return renewalJob(token).renewNow();
		},
		params: { scopes: ['messages:read'] },
	},
	grantRequiresBasic: {
		// A manager service token minting another manager: the chain only a person may start.
		provoke: async () => {
			const manager = await serviceToken({ scopes: ['tokens:manage'] });
			return fetch(`${BASE_URL}/3rdparty/v1/service-tokens`, {
				method: 'POST',
				headers: { Authorization: `Bearer ${manager.token}`, 'Content-Type': 'application/json' },
				body: JSON.stringify({ name: 'next', scopes: ['tokens:manage'] }),
			});
		},
		params: { scope: 'tokens:manage' },
	},
	selfRenewal: {
		// The renewal job renews with the account's credentials; this is the shortcut it avoids.
		provoke: async () => {
			const token = await serviceToken({ scopes: ['tokens:manage'] });
			return fetch(`${BASE_URL}/3rdparty/v1/service-tokens/${token.id}/renew`, {
				method: 'POST',
				headers: { Authorization: `Bearer ${token.token}` },
			});
		},
	},
	csrfHeaderRequired: {
		// The session client always sends the header; this is the request it protects against.
		provoke: async () => {
			const browser = createBrowser();
			await new SessionClient({ baseUrl: BASE_URL, fetch: browser.fetch }).login(
				DEMO.username,
				DEMO.password
			);
			return browser.fetch(`${BASE_URL}/auth/refresh`, { method: 'POST', credentials: 'include' });
		},
	},
	messageNotFound: { provoke: () => apiFetch('/3rdparty/v1/messages/no-such-message') },
	serviceTokenNotFound: {
		provoke: async () =>
			renewalJob({ ...(await serviceToken({})), id: 'no-such-token-0000000' }).renewNow(),
	},
	routeNotFound: { provoke: () => apiFetch('/3rdparty/v1/message') },
	methodNotAllowed: { provoke: () => apiFetch('/3rdparty/v1/messages') },
	badRequest: { transport: true, provoke: () => raw('GET / HTTP/1.1\r\n\r\n') },
	requestTimeout: {
		transport: true,
		provoke: () => raw('GET /3rdparty/v1/auth/jwks HTTP/1.1\r\nHost: x\r\n'),
	},
	expectationFailed: {
		transport: true,
		provoke: () => raw('POST /auth/login HTTP/1.1\r\nHost: x\r\nExpect: tea\r\n\r\n'),
	},
	headersTooLarge: {
		transport: true,
		provoke: () =>
			raw(
				`GET /3rdparty/v1/auth/jwks HTTP/1.1\r\nHost: x\r\nCookie: ${'a'.repeat(20_000)}\r\n\r\n`
			),
	},
	uriTooLong: { provoke: () => apiFetch(`/3rdparty/v1/messages/${'a'.repeat(9000)}`) },
	payloadTooLarge: {
		provoke: () =>
			postMessage(
				JSON.stringify({
					phoneNumbers: ['+15555550100'],
					textMessage: { text: 'x'.repeat(70_000) },
				})
			),
	},
};

describe('every Troubleshooting row is provoked through the examples', () => {
	test.each(Object.keys(API_ERRORS) as ApiErrorId[])('%s', async (id) => {
		const { provoke, params = {}, transport } = PROVOCATIONS[id];
		const expected = errorBody(id, params);
		if (transport) {
			const answer = (await provoke()) as RawResponse;
			expect({ status: answer.status, body: JSON.parse(answer.body) }).toEqual({
				status: expected.code,
				body: expected,
			});
			return;
		}
		await provoke().catch(() => {});
		const answers = api.log.entries().map((exchange) => ({
			status: exchange.response.status,
			body: JSON.parse(exchange.response.body ?? 'null') as unknown,
		}));
		expect(answers).toContainEqual({ status: expected.code, body: expected });
	});

	test('the table has a provocation for every catalogue entry and nothing else', () => {
		expect(Object.keys(PROVOCATIONS).sort()).toEqual(Object.keys(API_ERRORS).sort());
		expect(Object.keys(TROUBLESHOOTING).sort()).toEqual(Object.keys(API_ERRORS).sort());
	});
});

describe('the messages Troubleshooting lists are the ones clients get', () => {
	test('every `scope required: …` an endpoint answers is listed, instantiated', async () => {
		const listed = clientMessages('scopeRequired').map((message) => message.text);
		const seen = new Set<string>();
		for (const endpoint of ENDPOINTS) {
			const scope = (endpoint.auth as { scope?: string }).scope;
			if (
				scope === undefined ||
				!(endpoint.errors as readonly string[]).includes('scopeRequired')
			) {
				continue;
			}
			// A token without the scope the endpoint requires.
			const pair = await issuePair([scope === 'messages:send' ? 'messages:read' : 'messages:send']);
			const response = await fetch(`${BASE_URL}${endpoint.path.replace(/:\w+/g, 'x')}`, {
				method: endpoint.method,
				headers: { Authorization: `Bearer ${pair.access_token}` },
			});
			const body = (await response.json()) as { error: string; message: string };
			expect([response.status, body.error], endpoint.id).toEqual([403, 'scope_required']);
			seen.add(body.message);
		}
		expect(listed.toSorted()).toEqual([...seen].toSorted());
	});

	test('a message the API fills from its own data is listed once per value', () => {
		expect(clientMessages('ttlTooLong').length).toBeGreaterThan(1);
		expect(clientMessages('unauthorized')).toEqual([{ text: API_ERRORS.unauthorized.message }]);
		expect(clientMessages('unknownField')).toEqual([
			{
				text: 'invalid params: unknown field scope',
				example: { template: 'invalid params: unknown field <field>' },
			},
		]);
	});
});
