import { expect, test } from 'vitest';
import {
	ApiError,
	basicAuth,
	createServiceToken,
	retryAfterMs,
} from '../../../examples/service-tokens/create-service-token.ts';
import { DEFAULT_ACCOUNTS } from '../../../src/mock/auth/Account.ts';
import { useFakeDate } from '../../support/fakeDate.ts';
import { bearer, call } from '../../support/http.ts';
import { BASE_URL, DEMO, useMockApi } from '../../support/useMockApi.ts';

/** Passwords beyond ASCII: Latin-1 (`btoa` sends one wrong byte) and beyond it (`btoa` throws). */
const UTF8_ACCOUNTS = [
	{ username: 'jürgen', password: 'pässwörd', userId: 'user-jurgen' },
	{ username: 'euro', password: 'p€ss', userId: 'user-euro' },
] as const;
const api = useMockApi({ accounts: [...DEFAULT_ACCOUNTS, ...UTF8_ACCOUNTS] });
useFakeDate();

const DAY = 86_400;

test('creates a named token that works like an access token, for its scopes only', async () => {
	const created = await createServiceToken({
		baseUrl: BASE_URL,
		...DEMO,
		name: 'nightly-report',
		scopes: ['messages:read'],
		ttl: DAY,
	});
	expect(created).toMatchObject({
		name: 'nightly-report',
		scopes: ['messages:read'],
		id: expect.any(String),
	});
	expect(Date.parse(created.expires_at) - Date.now()).toBe(DAY * 1000);
	const read = await call('GET', '/3rdparty/v1/messages/none', {
		authorization: bearer(created.token),
	});
	expect(read.status).toBe(404);
	const send = await call('POST', '/3rdparty/v1/messages', {
		authorization: bearer(created.token),
		json: { phoneNumbers: ['+15555550100'], textMessage: { text: 'x' } },
	});
	expect(send).toMatchObject({ status: 403, body: { message: 'scope required: messages:send' } });
});

test('without ttl the token gets the longest lifetime its scopes allow', async () => {
	const created = await createServiceToken({
		baseUrl: BASE_URL,
		...DEMO,
		name: 'sender',
		scopes: ['messages:send'],
	});
	expect(Date.parse(created.expires_at) - Date.now()).toBe(30 * DAY * 1000);
});

test('a ttl over the cap is an ApiError carrying data.max_ttl', async () => {
	const error = await createServiceToken({
		baseUrl: BASE_URL,
		...DEMO,
		name: 'sender',
		scopes: ['messages:send', 'settings:write'],
		ttl: 30 * DAY,
	}).catch((caught: unknown) => caught);
	expect(error).toBeInstanceOf(ApiError);
	expect(error).toMatchObject({
		status: 400,
		body: { error: 'ttl_too_long', data: { field: 'ttl', max_ttl: 7 * DAY } },
	});
	expect(String(error)).toMatch(/400 invalid params: ttl exceeds the maximum of 604800 seconds/);
});

test('a wrong password is a 401 ApiError after one request: no retry', async () => {
	const error = await createServiceToken({
		baseUrl: BASE_URL,
		...DEMO,
		password: 'wrong',
		name: 'sender',
		scopes: ['messages:send'],
	}).catch((caught: unknown) => caught);
	expect(error).toMatchObject({ status: 401 });
	expect(api.log.entries()).toHaveLength(1);
});

test.each(UTF8_ACCOUNTS)(
	'basicAuth sends $password as UTF-8, which the API accepts',
	async (account) => {
		const created = await createServiceToken({
			baseUrl: BASE_URL,
			...account,
			name: 'utf8',
			scopes: ['messages:read'],
		});
		expect(created.name).toBe('utf8');
		expect(basicAuth('a', 'ä')).toBe(`Basic ${Buffer.from('a:ä', 'utf8').toString('base64')}`);
	}
);

test.each([
	['seconds', { 'Retry-After': '120' }, 120_000],
	[
		'an HTTP-date, read against the answer’s Date',
		{ 'Retry-After': 'Sat, 14 Mar 2026 01:46:00 GMT', Date: 'Sat, 14 Mar 2026 01:45:30 GMT' },
		30_000,
	],
	['nothing', {}, undefined],
	['garbage', { 'Retry-After': 'soon' }, undefined],
])('retryAfterMs reads %s', (_, headers, expected) => {
	expect(retryAfterMs(new Response(null, { status: 429, headers }))).toBe(expected);
});

test('every example builds Basic credentials with basicAuth, never btoa of the text', async () => {
	const { readdir, readFile } = await import('node:fs/promises');
	const root = new URL('../../../examples/', import.meta.url);
	const files = (await readdir(root, { recursive: true })).filter((file) => file.endsWith('.ts'));
	const offenders: string[] = [];
	for (const file of files) {
		const text = await readFile(new URL(file, root), 'utf8');
		if (/btoa\(`/.test(text)) offenders.push(file);
	}
	expect(offenders).toEqual([]);
});
