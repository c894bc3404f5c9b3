/**
 * The conformance suite: black-box cases derived from the contract data. Each endpoint's success
 * and each error it lists, then the behaviours that span calls (rotation, reuse, revocation,
 * renewal, sessions). Every exchange is also checked against the OpenAPI document.
 */
import { decodeJwt } from 'jose';
import {
	ENDPOINTS,
	FALLBACK_ERRORS,
	MAX_URL_LENGTH,
	type Endpoint,
	type EndpointId,
} from '../../mock/contract/endpoints.ts';
import { API_ERRORS, type ApiErrorId } from '../../mock/contract/errors.ts';
import { REFRESH_COOKIE } from '../../mock/contract/http.ts';
import { REQUEST_EXAMPLES } from '../../site/reference/endpointReference.ts';
import { type Call, CaseFailure, type ConformanceClient } from './ConformanceClient.ts';

/** One case: a name, and a run that throws {@link CaseFailure} or returns a note. */
export interface ConformanceCase {
	name: string;
	run: (client: ConformanceClient) => Promise<string | void>;
	/** Why the case cannot run black-box; it is listed, not counted. */
	skip?: string;
}

/** A scope no endpoint requires, for a token that is authentic but not allowed. */
const UNRELATED_SCOPE = 'devices:list';
/** More than the 64 KiB body limit. */
const OVERSIZED = 70_000;
const MESSAGE = { phoneNumbers: ['+15555550100'], textMessage: { text: 'conformance' } };

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

interface Pair {
	id: string;
	access_token: string;
	refresh_token: string;
}

async function issuePair(client: ConformanceClient, scopes: string[]): Promise<Pair> {
	const answer = await client.expect(
		{ method: 'POST', path: '/3rdparty/v1/auth/token', headers: client.basic, json: { scopes } },
		201
	);
	return answer.json as Pair;
}

interface ServiceToken {
	id: string;
	token: string;
	name: string;
	scopes: string[];
	expires_at: string;
}

async function serviceToken(
	client: ConformanceClient,
	scopes: string[],
	options: { ttl?: number; headers?: Record<string, string> } = {}
): Promise<ServiceToken> {
	const answer = await client.expect(
		{
			method: 'POST',
			path: '/3rdparty/v1/service-tokens',
			headers: options.headers ?? client.basic,
			json: {
				name: 'conformance',
				scopes,
				...(options.ttl === undefined ? {} : { ttl: options.ttl }),
			},
		},
		201
	);
	return answer.json;
}

/** The value of the refresh cookie a response sets, or `undefined`. */
export function cookieValue(setCookie: string | null): string | undefined {
	const prefix = `${REFRESH_COOKIE.name}=`;
	const first = setCookie?.split(';')[0]?.trim();
	return first?.startsWith(prefix) ? first.slice(prefix.length) : undefined;
}

async function login(client: ConformanceClient): Promise<string> {
	const answer = await client.expect(
		{
			method: 'POST',
			path: '/auth/login',
			json: { username: client.username, password: client.password },
		},
		200
	);
	const cookie = cookieValue(answer.headers.get('set-cookie'));
	if (!cookie) throw new CaseFailure('POST /auth/login: no refresh_token cookie set');
	return cookie;
}

const cookieHeader = (value: string) => ({ Cookie: `${REFRESH_COOKIE.name}=${value}` });

/** The path of an endpoint with real ids for its parameters, made before the call. */
async function pathFor(client: ConformanceClient, endpoint: Endpoint): Promise<string> {
	switch (endpoint.id as EndpointId) {
		case 'revokeToken':
			return endpoint.path.replace(':jti', (await issuePair(client, ['messages:send'])).id);
		case 'renewServiceToken':
			return endpoint.path.replace(':id', (await serviceToken(client, ['messages:send'])).id);
		case 'getMessage': {
			const sent = await client.expect(
				{ method: 'POST', path: '/3rdparty/v1/messages', headers: client.basic, json: MESSAGE },
				202
			);
			return endpoint.path.replace(':id', String(sent.json.id));
		}
		default:
			return endpoint.path;
	}
}

/** The request that succeeds on an endpoint, with whatever it needs made first. */
async function successCall(client: ConformanceClient, endpoint: Endpoint): Promise<Call> {
	const path = await pathFor(client, endpoint);
	const example = REQUEST_EXAMPLES[endpoint.id as EndpointId];
	const call: Call = { method: endpoint.method, path };
	if (example !== undefined) call.json = example;
	const schemes = endpoint.auth.schemes as readonly string[];
	if (schemes.includes('basic')) call.headers = client.basic;
	if (schemes.includes('refresh-token')) {
		call.headers = bearer((await issuePair(client, ['messages:send'])).refresh_token);
	}
	if (schemes.includes('password')) {
		call.json = { username: client.username, password: client.password };
	}
	if (schemes.includes('refresh-cookie')) {
		call.headers = { ...cookieHeader(await login(client)), 'X-CSRF': '1' };
	}
	return call;
}

type Provocation = (client: ConformanceClient, endpoint: Endpoint, call: Call) => Promise<Call>;

const withBody = (call: Call, change: Record<string, unknown>): Call => ({
	...call,
	json: { ...(call.json as object), ...change },
});

/**
 * How to make an endpoint answer each catalogue error, starting from its successful request.
 * Keyed by every id, so a new catalogue entry does not compile without a way to provoke it.
 */
const PROVOKE: Record<ApiErrorId, Provocation | { skip: string }> = {
	invalidBody: async (_c, _e, call) => ({
		...call,
		json: undefined,
		body: '[]',
		headers: { ...call.headers, 'Content-Type': 'application/json' },
	}),
	unknownField: async (_c, _e, call) => withBody(call, { conformance_unknown: true }),
	payloadTooLarge: async (_c, _e, call) => withBody(call, { padding: 'x'.repeat(OVERSIZED) }),
	scopesRequired: async (_c, _e, call) => withBody(call, { scopes: [] }),
	unknownScope: async (_c, _e, call) => withBody(call, { scopes: ['messages:fly'] }),
	systemScopeRequested: async (_c, _e, call) => withBody(call, { scopes: ['tokens:refresh'] }),
	invalidTtl: async (_c, _e, call) => withBody(call, { ttl: -1 }),
	ttlTooLong: async (_c, _e, call) => withBody(call, { ttl: 10 * 365 * 86_400 }),
	invalidName: async (_c, _e, call) => withBody(call, { name: '' }),
	scopesNotRecorded: {
		skip: 'needs a service token minted before scopes were recorded, which no API call makes',
	},
	invalidNewPassword: async (c, _e, call) => ({ ...call, json: { new_password: c.password } }),
	unsupportedMediaType: async (_c, _e, call) => ({
		...call,
		json: undefined,
		body: JSON.stringify(call.json),
		// What a cross-site form can send without a preflight.
		headers: { ...call.headers, 'Content-Type': 'text/plain' },
	}),
	usernameRequired: async (c, _e, call) => ({ ...call, json: { password: c.password } }),
	passwordRequired: async (c, _e, call) => ({ ...call, json: { username: c.username } }),
	phoneNumbersRequired: async (_c, _e, call) => withBody(call, { phoneNumbers: [] }),
	textRequired: async (_c, _e, call) => withBody(call, { textMessage: { text: '' } }),
	unauthorized: async (c, endpoint, call) => {
		const schemes = endpoint.auth.schemes as readonly string[];
		if (schemes.includes('password')) {
			return { ...call, json: { username: c.username, password: `${c.password}-wrong` } };
		}
		if (schemes.includes('refresh-cookie')) return { ...call, headers: { 'X-CSRF': '1' } };
		if (schemes.includes('refresh-token')) return { ...call, headers: bearer('not-a-token') };
		return { ...call, headers: {} };
	},
	scopeRequired: async (c, endpoint, call) => {
		const pair = await issuePair(c, [UNRELATED_SCOPE]);
		const schemes = endpoint.auth.schemes as readonly string[];
		// An access token where a refresh token belongs lacks `tokens:refresh`.
		return {
			...call,
			headers: bearer(schemes.includes('refresh-token') ? pair.access_token : pair.access_token),
		};
	},
	missingScopes: async (c, _e, call) => {
		// A manager token may renew only what it could grant itself.
		const manager = await issuePair(c, ['tokens:manage']);
		return { ...call, headers: bearer(manager.access_token) };
	},
	grantRequiresBasic: async (c, endpoint, call) => {
		// Even a manager bearer token never hands on `tokens:manage`: only Basic grants it.
		const manager = bearer((await issuePair(c, ['tokens:manage'])).access_token);
		if (endpoint.id === 'renewServiceToken') {
			const managed = await serviceToken(c, ['tokens:manage']);
			return { ...call, path: endpoint.path.replace(':id', managed.id), headers: manager };
		}
		return { ...withBody(call, { scopes: ['tokens:manage'] }), headers: manager };
	},
	selfRenewal: async (c, endpoint, call) => {
		// A service token that may manage tokens still cannot extend itself.
		const token = await serviceToken(c, ['tokens:manage']);
		return { ...call, path: endpoint.path.replace(':id', token.id), headers: bearer(token.token) };
	},
	uriTooLong: async (_c, _e, call) => ({
		...call,
		path: `/3rdparty/v1/messages/${'a'.repeat(MAX_URL_LENGTH)}`,
	}),
	// The HTTP server's own errors need bytes fetch will not send (no Host, a header block over
	// the limit, an Expect it refuses, headers that never end): tests/mock/transports/http.
	badRequest: { skip: 'a request Node cannot parse; fetch always sends a valid one' },
	requestTimeout: { skip: 'headers that never finish; fetch always finishes them' },
	expectationFailed: { skip: 'an Expect other than 100-continue; fetch refuses to send it' },
	headersTooLarge: { skip: 'a header block over 16 KiB; fetch clients refuse or split it' },
	csrfHeaderRequired: async (_c, _e, call) => {
		const { 'X-CSRF': _csrf, ...headers } = call.headers ?? {};
		return { ...call, headers };
	},
	messageNotFound: async (_c, endpoint, call) => ({
		...call,
		path: endpoint.path.replace(':id', 'no-such-message'),
	}),
	serviceTokenNotFound: async (_c, endpoint, call) => ({
		...call,
		path: endpoint.path.replace(':id', 'no-such-token-0000000'),
	}),
	routeNotFound: async (_c, _e, call) => ({ ...call, path: '/3rdparty/v1/no-such-endpoint' }),
	methodNotAllowed: async (_c, _e, call) => ({ ...call, method: 'PUT' }),
};

/**
 * Changes the account's password and back, checking the old one is refused in between. Every later
 * case needs the password it was given, so the change is always undone, even when a check fails.
 */
async function changePasswordAndBack(client: ConformanceClient, endpoint: Endpoint): Promise<void> {
	const temporary = `${client.password}-conformance`;
	const change = (from: string, to: string) =>
		client.expect(
			{
				method: 'POST',
				path: endpoint.path,
				headers: client.basicWith(from),
				json: { new_password: to },
			},
			endpoint.success.status
		);
	await change(client.password, temporary);
	try {
		await client.expect(
			{
				method: 'POST',
				path: '/3rdparty/v1/auth/token',
				headers: client.basic,
				json: { scopes: ['messages:read'] },
			},
			401,
			'unauthorized'
		);
	} finally {
		await change(temporary, client.password);
	}
}

function endpointCases(endpoint: Endpoint): ConformanceCase[] {
	const line = `${endpoint.method} ${endpoint.path}`;
	const cases: ConformanceCase[] = [
		{
			name: `${line} → ${endpoint.success.status}`,
			run: async (client) => {
				if (endpoint.id === 'changePassword') return changePasswordAndBack(client, endpoint);
				await client.expect(await successCall(client, endpoint), endpoint.success.status);
			},
		},
	];
	for (const id of endpoint.errors) {
		const { status, error } = API_ERRORS[id];
		const provoke = PROVOKE[id];
		const name = `${line} → ${status} ${error}`;
		if ('skip' in provoke) {
			cases.push({ name, skip: provoke.skip, run: async () => {} });
			continue;
		}
		cases.push({
			name,
			run: async (client) => {
				const call = await provoke(client, endpoint, await successCall(client, endpoint));
				await client.expect(call, status, error);
			},
		});
	}
	return cases;
}

function fallbackCases(): ConformanceCase[] {
	const issue = ENDPOINTS[0];
	return FALLBACK_ERRORS.map((id) => {
		const { status, error } = API_ERRORS[id];
		return {
			name: `${status} ${error}, on any path`,
			run: async (client) => {
				const call = await (PROVOKE[id] as Provocation)(client, issue, {
					method: 'GET',
					path: issue.path,
					headers: client.basic,
				});
				await client.expect(call, status, error);
			},
		};
	});
}

const REFRESH = '/3rdparty/v1/auth/token/refresh';
const refresh = (client: ConformanceClient, token: string) =>
	client.send({ method: 'POST', path: REFRESH, headers: bearer(token) });
const readMessage = (client: ConformanceClient, token: string) =>
	client.send({
		method: 'GET',
		path: '/3rdparty/v1/messages/no-such-message',
		headers: bearer(token),
	});

function check(condition: boolean, failure: string): void {
	if (!condition) throw new CaseFailure(failure);
}

function behaviourCases(): ConformanceCase[] {
	return [
		{
			name: 'rotation: a refresh answers a new pair, and the old access token still works',
			run: async (client) => {
				const first = await issuePair(client, ['messages:read']);
				const next = (
					await client.expect(
						{ method: 'POST', path: REFRESH, headers: bearer(first.refresh_token) },
						201
					)
				).json as Pair;
				check(next.refresh_token !== first.refresh_token, 'the refresh token did not change');
				check(next.access_token !== first.access_token, 'the access token did not change');
				check(
					(await readMessage(client, first.access_token)).status === 404,
					'the old access token stopped working at rotation'
				);
				check(
					(await readMessage(client, next.access_token)).status === 404,
					'the new access token does not work'
				);
			},
		},
		{
			name: 'reuse: a spent refresh token is 401 unauthorized, consistently with one policy',
			run: async (client) => {
				const first = await issuePair(client, ['messages:read']);
				const next = (
					await client.expect(
						{ method: 'POST', path: REFRESH, headers: bearer(first.refresh_token) },
						201
					)
				).json as Pair;
				await client.expect(
					{ method: 'POST', path: REFRESH, headers: bearer(first.refresh_token) },
					401,
					'unauthorized'
				);
				const access = (await readMessage(client, next.access_token)).status;
				const rotated = (await refresh(client, next.refresh_token)).status;
				if (access === 404 && rotated === 201)
					return 'policy: reject (only the replayed token is refused)';
				if (access === 401 && rotated === 401)
					return 'policy: revoke-family (the replay revoked the whole login)';
				throw new CaseFailure(
					`after reuse the newest access token got ${access} and its refresh ${rotated}: neither policy`
				);
			},
		},
		{
			name: 'revocation: revoking a pair’s id ends its access and refresh tokens',
			run: async (client) => {
				const pair = await issuePair(client, ['messages:read']);
				await client.expect(
					{ method: 'DELETE', path: `/3rdparty/v1/auth/token/${pair.id}`, headers: client.basic },
					204
				);
				check(
					(await readMessage(client, pair.access_token)).status === 401,
					'the access token still works'
				);
				check(
					(await refresh(client, pair.refresh_token)).status === 401,
					'the refresh token still works'
				);
			},
		},
		{
			name: 'renewal: a new token with the same name and scopes; the original keeps working',
			run: async (client) => {
				const original = await serviceToken(client, ['messages:read']);
				const renewed = (
					await client.expect(
						{
							method: 'POST',
							path: `/3rdparty/v1/service-tokens/${original.id}/renew`,
							headers: client.basic,
							json: {},
						},
						201
					)
				).json;
				check(renewed.id !== original.id, 'the renewed token has the original’s id');
				check(renewed.name === original.name, 'the name changed');
				check(
					JSON.stringify(renewed.scopes) === JSON.stringify(original.scopes),
					'the scopes changed'
				);
				check(
					(await readMessage(client, original.token)).status === 404,
					'the original stopped working'
				);
				check(
					(await readMessage(client, renewed.token)).status === 404,
					'the renewed token does not work'
				);
			},
		},
		{
			name: 'authority: what a manager bearer token mints or issues ends no later than it',
			run: async (client) => {
				const manager = await serviceToken(client, ['tokens:manage', 'messages:read'], {
					ttl: 3600,
				});
				const minted = await serviceToken(client, ['messages:read'], {
					headers: bearer(manager.token),
				});
				check(
					Date.parse(minted.expires_at) <= Date.parse(manager.expires_at),
					`a service token minted by a manager expires at ${minted.expires_at}, after the manager (${manager.expires_at})`
				);
				const pair = (
					await client.expect(
						{
							method: 'POST',
							path: '/3rdparty/v1/auth/token',
							headers: bearer(manager.token),
							json: { scopes: ['messages:read'] },
						},
						201
					)
				).json as Pair;
				const refreshExp = Number(decodeJwt(pair.refresh_token).exp) * 1000;
				check(
					refreshExp <= Date.parse(manager.expires_at),
					'a pair issued by a manager has a refresh token that outlives the manager'
				);
			},
		},
		{
			name: 'sessions: refresh rotates the cookie; the old cookie is then 401 and cleared; logout ends it',
			run: async (client) => {
				const first = await login(client);
				const refreshed = await client.expect(
					{
						method: 'POST',
						path: '/auth/refresh',
						headers: { ...cookieHeader(first), 'X-CSRF': '1' },
					},
					200
				);
				const second = cookieValue(refreshed.headers.get('set-cookie'));
				check(second !== undefined && second !== first, 'the refresh did not rotate the cookie');
				const replay = await client.expect(
					{
						method: 'POST',
						path: '/auth/refresh',
						headers: { ...cookieHeader(first), 'X-CSRF': '1' },
					},
					401,
					'unauthorized'
				);
				check(
					cookieValue(replay.headers.get('set-cookie')) === '',
					'the refused refresh did not clear the cookie'
				);
				const again = await login(client);
				await client.expect(
					{
						method: 'POST',
						path: '/auth/logout',
						headers: { ...cookieHeader(again), 'X-CSRF': '1' },
					},
					204
				);
				const after = await client.send({
					method: 'POST',
					path: '/auth/refresh',
					headers: { ...cookieHeader(again), 'X-CSRF': '1' },
				});
				check(after.status === 401, `a logged-out cookie got ${after.status}`);
			},
		},
	];
}

/** Every case, in the order they run. */
export function conformanceCases(): ConformanceCase[] {
	return [
		...(ENDPOINTS as readonly Endpoint[]).flatMap(endpointCases),
		...fallbackCases(),
		...behaviourCases(),
	];
}
