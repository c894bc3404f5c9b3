/**
 * The contract as data, proven: every endpoint in ENDPOINTS answers its documented success, and
 * can be made to answer every error it lists. Each (endpoint, error) pair needs a provocation in
 * the table below; listing an error without proving it, or proving one that is not listed, fails.
 */
import { describe, expect, test } from 'vitest';
import {
	ENDPOINTS,
	type EndpointId,
	FALLBACK_ERRORS,
	MAX_URL_LENGTH,
} from '../../../src/mock/contract/endpoints.ts';
import { API_ERRORS, type ApiErrorId, errorStatus } from '../../../src/mock/contract/errors.ts';
import { ErrorResponse } from '../../../src/mock/contract/schemas.ts';
import { basic, bearer, call, issuePair, refresh } from '../../support/http.ts';
import { useMockApi } from '../../support/useMockApi.ts';
import { mintServiceToken } from '../support/serviceTokens.ts';
import { loggedIn, login, logout, refreshSession } from '../support/sessions.ts';

const api = useMockApi();

type Result = { status: number; headers: Headers; body: any };
type Provoke = () => Promise<Result>;

const BIG = 'x'.repeat(70_000);
const MESSAGE = { phoneNumbers: ['+15550100'], textMessage: { text: 'Hello' } };
/** A JSON POST, with Basic credentials unless `authorization` is `null` (none at all). */
const post = (path: string, json: unknown, authorization: string | null = basic()) =>
	call('POST', path, { ...(authorization === null ? {} : { authorization }), json });
const postRaw = (path: string, body: string, authorization: string = basic()) =>
	call('POST', path, { authorization, body, headers: { 'Content-Type': 'application/json' } });
/** An access token without `tokens:manage` nor `messages:*`: the 403 provoker. */
const weakBearer = async () => bearer((await issuePair(['logs:read'])).access_token);
/** An access token with `tokens:manage`, issued with Basic credentials. */
const managerBearer = async () => bearer((await issuePair(['tokens:manage'])).access_token);
const renewPath = (id: string) => `/3rdparty/v1/service-tokens/${id}/renew`;

const PROVOCATIONS: Record<
	EndpointId,
	{ success: Provoke; errors: Partial<Record<ApiErrorId, Provoke>> }
> = {
	issueTokenPair: {
		success: () => post('/3rdparty/v1/auth/token', { scopes: ['messages:send'] }),
		errors: {
			invalidBody: () => postRaw('/3rdparty/v1/auth/token', '{'),
			unknownField: () => post('/3rdparty/v1/auth/token', { scopes: ['messages:send'], x: 1 }),
			payloadTooLarge: () => post('/3rdparty/v1/auth/token', { scopes: ['messages:send'], x: BIG }),
			scopesRequired: () => post('/3rdparty/v1/auth/token', { scopes: [] }),
			unknownScope: () => post('/3rdparty/v1/auth/token', { scopes: ['messages:fly'] }),
			systemScopeRequested: () => post('/3rdparty/v1/auth/token', { scopes: ['tokens:refresh'] }),
			invalidTtl: () => post('/3rdparty/v1/auth/token', { scopes: ['messages:send'], ttl: -1 }),
			unauthorized: () => post('/3rdparty/v1/auth/token', { scopes: ['messages:send'] }, null),
			scopeRequired: async () =>
				post('/3rdparty/v1/auth/token', { scopes: ['logs:read'] }, await weakBearer()),
			grantRequiresBasic: async () =>
				post('/3rdparty/v1/auth/token', { scopes: ['tokens:manage'] }, await managerBearer()),
		},
	},
	refreshTokenPair: {
		success: async () => refresh((await issuePair()).refresh_token),
		errors: {
			unauthorized: () => refresh('not.a.token'),
			scopeRequired: () =>
				call('POST', '/3rdparty/v1/auth/token/refresh', { authorization: basic() }),
		},
	},
	revokeToken: {
		success: async () =>
			call('DELETE', `/3rdparty/v1/auth/token/${(await issuePair()).id}`, {
				authorization: basic(),
			}),
		errors: {
			unauthorized: () => call('DELETE', '/3rdparty/v1/auth/token/x'),
			scopeRequired: async () =>
				call('DELETE', '/3rdparty/v1/auth/token/x', { authorization: await weakBearer() }),
		},
	},
	revokeAllLogins: {
		success: () => post('/3rdparty/v1/auth/logins/revoke', undefined),
		errors: {
			unauthorized: async () =>
				post('/3rdparty/v1/auth/logins/revoke', undefined, await managerBearer()),
		},
	},
	changePassword: {
		success: () => post('/3rdparty/v1/auth/password', { new_password: 'a-new-password' }),
		errors: {
			invalidBody: () => postRaw('/3rdparty/v1/auth/password', '"x"'),
			unknownField: () =>
				post('/3rdparty/v1/auth/password', { new_password: 'a-new-password', x: 1 }),
			payloadTooLarge: () => post('/3rdparty/v1/auth/password', { new_password: BIG }),
			invalidNewPassword: () => post('/3rdparty/v1/auth/password', { new_password: 'short' }),
			unauthorized: () =>
				post('/3rdparty/v1/auth/password', { new_password: 'a-new-password' }, null),
		},
	},
	createServiceToken: {
		success: () => post('/3rdparty/v1/service-tokens', { name: 'n', scopes: ['messages:send'] }),
		errors: {
			invalidBody: () => postRaw('/3rdparty/v1/service-tokens', 'null'),
			unknownField: () =>
				post('/3rdparty/v1/service-tokens', { name: 'n', scopes: ['messages:send'], x: 1 }),
			payloadTooLarge: () =>
				post('/3rdparty/v1/service-tokens', { name: BIG, scopes: ['messages:send'] }),
			invalidName: () => post('/3rdparty/v1/service-tokens', { name: '', scopes: ['logs:read'] }),
			scopesRequired: () => post('/3rdparty/v1/service-tokens', { name: 'n' }),
			unknownScope: () => post('/3rdparty/v1/service-tokens', { name: 'n', scopes: ['a:b'] }),
			systemScopeRequested: () =>
				post('/3rdparty/v1/service-tokens', { name: 'n', scopes: ['tokens:refresh'] }),
			invalidTtl: () =>
				post('/3rdparty/v1/service-tokens', { name: 'n', scopes: ['logs:read'], ttl: 0.5 }),
			ttlTooLong: () =>
				post('/3rdparty/v1/service-tokens', { name: 'n', scopes: ['tokens:manage'], ttl: 86_401 }),
			unauthorized: () =>
				post('/3rdparty/v1/service-tokens', { name: 'n', scopes: ['logs:read'] }, null),
			scopeRequired: async () =>
				post(
					'/3rdparty/v1/service-tokens',
					{ name: 'n', scopes: ['logs:read'] },
					await weakBearer()
				),
			grantRequiresBasic: async () =>
				post(
					'/3rdparty/v1/service-tokens',
					{ name: 'n', scopes: ['tokens:manage'] },
					await managerBearer()
				),
		},
	},
	listServiceTokens: {
		success: async () => {
			await mintServiceToken();
			return call('GET', '/3rdparty/v1/service-tokens', { authorization: basic() });
		},
		errors: {
			unauthorized: () => call('GET', '/3rdparty/v1/service-tokens'),
			scopeRequired: async () =>
				call('GET', '/3rdparty/v1/service-tokens', { authorization: await weakBearer() }),
		},
	},
	renewServiceToken: {
		success: async () => post(renewPath((await mintServiceToken()).id), {}),
		errors: {
			invalidBody: async () => postRaw(renewPath((await mintServiceToken()).id), '[]'),
			unknownField: async () => post(renewPath((await mintServiceToken()).id), { x: 1 }),
			payloadTooLarge: async () => post(renewPath((await mintServiceToken()).id), { x: BIG }),
			invalidTtl: async () => post(renewPath((await mintServiceToken()).id), { ttl: 'long' }),
			ttlTooLong: async () =>
				post(renewPath((await mintServiceToken(['settings:write'])).id), { ttl: 604_801 }),
			scopesNotRecorded: async () => {
				const legacy = await api.seedLegacyServiceToken({
					username: 'demo',
					name: 'old',
					scopes: ['logs:read'],
				});
				return post(renewPath(legacy.id), {});
			},
			unauthorized: () => post(renewPath('x'), {}, null),
			scopeRequired: async () => post(renewPath('x'), {}, await weakBearer()),
			missingScopes: async () => {
				const token = await mintServiceToken(['logs:read']);
				api.removeAccountScope('demo', 'logs:read');
				return post(renewPath(token.id), {});
			},
			grantRequiresBasic: async () => {
				const manager = await mintServiceToken(['tokens:manage']);
				return post(renewPath(manager.id), {}, await managerBearer());
			},
			selfRenewal: async () => {
				const manager = await mintServiceToken(['tokens:manage']);
				return post(renewPath(manager.id), {}, bearer(manager.token));
			},
			serviceTokenNotFound: () => post(renewPath('no-such-token'), {}),
		},
	},
	getJwks: {
		success: () => call('GET', '/3rdparty/v1/auth/jwks'),
		errors: {},
	},
	sendMessage: {
		success: () => post('/3rdparty/v1/messages', MESSAGE),
		errors: {
			invalidBody: () => postRaw('/3rdparty/v1/messages', 'not json'),
			unknownField: () => post('/3rdparty/v1/messages', { ...MESSAGE, x: 1 }),
			payloadTooLarge: () => post('/3rdparty/v1/messages', { ...MESSAGE, x: BIG }),
			phoneNumbersRequired: () => post('/3rdparty/v1/messages', { ...MESSAGE, phoneNumbers: [] }),
			textRequired: () => post('/3rdparty/v1/messages', { ...MESSAGE, textMessage: {} }),
			unauthorized: () => post('/3rdparty/v1/messages', MESSAGE, null),
			scopeRequired: async () => post('/3rdparty/v1/messages', MESSAGE, await weakBearer()),
		},
	},
	getMessage: {
		success: async () => {
			const sent = await post('/3rdparty/v1/messages', MESSAGE);
			return call('GET', `/3rdparty/v1/messages/${sent.body.id}`, { authorization: basic() });
		},
		errors: {
			unauthorized: () => call('GET', '/3rdparty/v1/messages/x'),
			scopeRequired: async () =>
				call('GET', '/3rdparty/v1/messages/x', { authorization: await weakBearer() }),
			messageNotFound: () => call('GET', '/3rdparty/v1/messages/x', { authorization: basic() }),
		},
	},
	login: {
		success: () => login(),
		errors: {
			unsupportedMediaType: () => call('POST', '/auth/login', { body: 'username=demo' }),
			invalidBody: () =>
				call('POST', '/auth/login', {
					body: 'username=demo',
					headers: { 'Content-Type': 'application/json' },
				}),
			unknownField: () => login({ username: 'demo', password: 'x', otp: '1' }),
			payloadTooLarge: () => login({ username: 'demo', password: BIG }),
			usernameRequired: () => login({ password: 'x' }),
			passwordRequired: () => login({ username: 'demo' }),
			unauthorized: () => login({ username: 'demo', password: 'wrong' }),
		},
	},
	refreshSession: {
		success: async () => refreshSession((await loggedIn()).refreshToken),
		errors: {
			csrfHeaderRequired: async () =>
				refreshSession((await loggedIn()).refreshToken, { csrf: false }),
			unauthorized: () => refreshSession('garbage'),
		},
	},
	logout: {
		success: async () => logout((await loggedIn()).refreshToken),
		errors: {
			csrfHeaderRequired: async () => logout((await loggedIn()).refreshToken, { csrf: false }),
		},
	},
};

const FALLBACK_PROVOCATIONS: Record<(typeof FALLBACK_ERRORS)[number], Provoke> = {
	uriTooLong: () => call('GET', `/3rdparty/v1/messages/${'a'.repeat(MAX_URL_LENGTH)}`),
	methodNotAllowed: () => call('GET', '/auth/login'),
	routeNotFound: () => call('GET', '/3rdparty/v1/no/such/path'),
};

/** A catalogue message as a pattern: `scope required: {scope}` matches `scope required: x`. */
function messagePattern(id: ApiErrorId): RegExp {
	const escaped = API_ERRORS[id].message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	return new RegExp(`^${escaped.replace(/\\\{\w+\\\}/g, '.+')}$`);
}

function expectCatalogueError(result: Result, id: ApiErrorId) {
	expect(result.status).toBe(errorStatus(id));
	expect(ErrorResponse.safeParse(result.body).success).toBe(true);
	expect(result.body.code).toBe(result.status);
	expect(result.body.message).toMatch(messagePattern(id));
	expect(result.body.data !== undefined).toBe('data' in API_ERRORS[id]);
}

describe('every endpoint answers its documented success', () => {
	test.each(
		ENDPOINTS.map((endpoint) => ({ ...endpoint, name: `${endpoint.method} ${endpoint.path}` }))
	)('$name → $success.status', async ({ id, success }) => {
		const result = await PROVOCATIONS[id].success();
		expect(result.status).toBe(success.status);
		if ('body' in success) {
			const parsed = success.body.safeParse(result.body);
			expect(parsed.error).toBeUndefined();
		} else {
			expect(result.body).toBeNull();
		}
		for (const [name, value] of Object.entries('headers' in success ? success.headers : {})) {
			expect(result.headers.get(name)).toBe(value);
		}
		const cookies = result.headers.getSetCookie();
		const cookie = 'cookie' in success ? success.cookie : undefined;
		if (cookie === 'set') expect(cookies).toEqual([expect.stringMatching(/^refresh_token=[^;]+;/)]);
		if (cookie === 'clear')
			expect(cookies).toEqual([expect.stringMatching(/^refresh_token=;.*Max-Age=0$/)]);
		if (cookie === undefined) expect(cookies).toEqual([]);
	});
});

describe('every endpoint can answer every error it lists', () => {
	const pairs = ENDPOINTS.flatMap((endpoint) =>
		endpoint.errors.map((error) => ({ endpoint: endpoint.id, error }))
	);
	test.each(pairs)('$endpoint → $error', async ({ endpoint, error }) => {
		const provoke = PROVOCATIONS[endpoint].errors[error];
		if (!provoke) {
			expect.fail(`no provocation for ${error} on ${endpoint}: add one to PROVOCATIONS`);
		}
		expectCatalogueError(await provoke(), error);
	});

	test('no provocation proves an error its endpoint does not list', () => {
		const unlisted = ENDPOINTS.flatMap((endpoint) =>
			Object.keys(PROVOCATIONS[endpoint.id].errors)
				.filter((error) => !(endpoint.errors as readonly string[]).includes(error))
				.map((error) => `${endpoint.id} → ${error}`)
		);
		expect(unlisted).toEqual([]);
	});

	test.each([...FALLBACK_ERRORS])('any path → %s', async (error) => {
		expectCatalogueError(await FALLBACK_PROVOCATIONS[error](), error);
	});
});

describe('the completeness check itself', () => {
	test('a response that is not the listed error fails it', async () => {
		const wrong = await post('/3rdparty/v1/auth/token', { scopes: ['messages:fly'] });
		expect(() => expectCatalogueError(wrong, 'scopesRequired')).toThrow();
		expect(() => expectCatalogueError(wrong, 'unknownScope')).not.toThrow();
	});

	test('message patterns fill parameters but nothing else', () => {
		expect('scope required: tokens:manage').toMatch(messagePattern('scopeRequired'));
		expect('scope required:').not.toMatch(messagePattern('scopeRequired'));
		expect('Unauthorized!').not.toMatch(messagePattern('unauthorized'));
	});
});
