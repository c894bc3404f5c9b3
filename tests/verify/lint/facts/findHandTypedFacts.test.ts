/**
 * The fact checker sentence by sentence: each row is a sentence about one fact, checked with the
 * fact's own rendering (found, not wrong) and with a wrong value (found, wrong, same fact). The
 * last test holds the table to the registry: every subject word a fact declares is in a row.
 */
import { describe, expect, test } from 'vitest';
import { LIFETIMES } from '../../../../src/mock/contract/lifetimes.ts';
import { REQUESTABLE_SCOPES } from '../../../../src/mock/contract/scopes.ts';
import { FACTS, type FactName, factMarkdown } from '../../../../src/site/facts.ts';
import { findHandTypedFacts } from '../../../../src/verify/lint/facts/findHandTypedFacts.ts';
import { termsIn } from '../../../../src/verify/lint/facts/scoreSubjects.ts';
import type { ProsePiece } from '../../../../src/verify/lint/readProse.ts';

/** The findings in a sentence, as one block of prose; `code spans` become code pieces. */
function findingsIn(sentence: string) {
	const pieces: ProsePiece[] = [];
	let column = 1;
	sentence.split('`').forEach((text, index) => {
		if (text) pieces.push({ text, code: index % 2 === 1, line: 1, column });
		column += text.length + 1;
	});
	return findHandTypedFacts([{ where: 'body', pieces }]);
}

/** The findings of the value typed into a row's sentence (a `Max-Age` beside it is another). */
function check(sentence: string, value: string) {
	const typed = sentence.replace('{value}', value);
	const found = findingsIn(typed).filter((finding) => finding.typed === value.replace(/`/g, ''));
	return { typed, found };
}

interface Row {
	/** `{value}` stands where the value is typed. */
	sentence: string;
	fact: FactName;
	/** The `<Fact as>` the value is typed in; the fact's default when absent. */
	as?: string;
	/** A value the contract does not give this fact, typed the same way. */
	wrong: string;
}

const duration = (fact: FactName, sentence: string, wrong = '42 minutes'): Row => ({
	sentence,
	fact,
	wrong,
});

const DURATIONS: Row[] = [
	duration('access.lifetime', 'An access token lives {value}.'),
	duration('access.lifetime', 'Access-token lifetimes are {value}.'),
	duration('ttl.clamp', 'A larger `ttl` is clamped to {value}.'),
	duration('ttl.clamp', 'The API will clamp what you ask to {value} at most.'),
	duration('refresh.lifetime', 'A refresh token’s lifetime is {value}.'),
	duration('family.lifetime', 'A token family lasts at most {value}.'),
	duration('family.lifetime', 'Families end {value} after the first pair.'),
	duration('family.lifetime', 'A login lasts at most {value}.'),
	duration('family.lifetime', 'Once you log in, the chain is valid for {value} at most.'),
	duration('cap.shortest', 'The shortest service-token cap is {value}.'),
	duration('cap.longest', 'The longest service token may live up to {value}.'),
	duration('cap.longest', 'A token’s `max_ttl` is capped at {value} at the longest.'),
	...REQUESTABLE_SCOPES.map((scope) =>
		duration(`cap.${scope}`, `A service token with \`${scope}\` may live up to {value}.`)
	),
	duration('cookie.maxAge', 'The session cookie expires after {value}.'),
	duration('cookie.maxAge', 'A fresh Max-Age lasts {value}.'),
	duration('overlap.default', 'The overlap window defaults to {value}.', '42 seconds'),
	duration('tokenManager.margin', 'The token manager refreshes with a margin of {value}.'),
	duration('tokenManager.margin', 'The token manager refreshes {value} ahead: its margin.'),
	duration('daemon.margin', 'The daemon’s margin is {value}.'),
	duration('sessionClient.margin', 'The session client refreshes {value} ahead, by default.'),
	duration('tokenManager.timeout', 'The token manager’s timeout is {value}.', '42 seconds'),
	duration(
		'daemon.timeout',
		'The daemon gives up on a request after {value} (its timeout).',
		'42 seconds'
	),
	duration('sessionClient.timeout', 'The session client times out after {value}.', '42 seconds'),
	duration(
		'renewalJob.timeout',
		'The renewal job waits {value} before requests time out.',
		'42 seconds'
	),
	duration(
		'limit.headersTimeout',
		'The mock server times out after {value} without headers.',
		'42 seconds'
	),
	duration(
		'tokenManager.retryPause',
		'The token manager’s first pause after a failed retry is {value}.',
		'42 seconds'
	),
	duration(
		'tokenManager.longestRetryPause',
		'The token manager’s longest backoff pause is {value}.',
		'42 seconds'
	),
	duration('daemon.firstRetry', 'The daemon’s first retry waits {value}.', '42 seconds'),
	duration(
		'daemon.longestRetry',
		'When retrying, the daemon’s longest pause is {value}.',
		'42 seconds'
	),
	duration(
		'renewalJob.retryPause',
		'The renewal job retries: it paused {value} by default.',
		'42 seconds'
	),
];

const size = (fact: FactName, sentence: string): Row => ({ sentence, fact, wrong: '1 MiB' });
const SIZES: Row[] = [
	size('limit.body', 'Request bodies over {value} are refused.'),
	size('limit.body', 'A body may be up to {value}.'),
	size('limit.body', 'A payload is limited to {value}.'),
	size('limit.headers', 'The request line, URL and headers may take {value}.'),
	size('limit.headers', 'A header block of more than {value} is refused.'),
];

/** A success status, typed as code; the wrong one is another success status. */
const status = (fact: FactName, sentence: string): Row => {
	const right = FACTS[fact].kind === 'status' ? factMarkdown(fact, 'code') : '';
	return { sentence, fact, as: 'code', wrong: right === '`200`' ? '`201`' : '`200`' };
};
const STATUSES: Row[] = [
	status('status.issueTokenPair', 'Issuing a token pair succeeds with {value}.'),
	status('status.issueTokenPair', 'A successful issue answers {value}.'),
	status('status.issueTokenPair', 'The API issues the pair with a successful {value}.'),
	status('status.issueTokenPair', 'To get a pair, expect {value}.'),
	status('status.issueTokenPair', 'To get a new pair, expect {value}.'),
	status('status.issueTokenPair', 'When you log in, the API answers {value}.'),
	status('status.issueTokenPair', 'A service that logs in gets {value}.'),
	status('status.issueTokenPair', 'Logging in answers {value}.'),
	status('status.refreshTokenPair', 'A successful refresh returns {value}.'),
	status('status.refreshTokenPair', 'POST /auth/token/refresh answers {value}.'),
	status('status.refreshTokenPair', 'The client refreshes and gets {value}.'),
	status('status.refreshTokenPair', 'A pair refreshed in time answers {value}.'),
	status('status.refreshTokenPair', 'Refreshing answers {value}.'),
	status('status.refreshTokenPair', 'Rotate the pair: the answer is {value}.'),
	status('status.refreshTokenPair', 'A successful rotation answers {value}.'),
	status('status.revokeToken', 'Revoke a token and get {value}.'),
	status('status.revokeToken', 'The client revokes the token: {value}.'),
	status('status.revokeToken', 'Revoking answers {value}.'),
	status('status.revokeToken', 'A DELETE answers {value}.'),
	status('status.createServiceToken', 'Mint a service token: the answer is {value}.'),
	status('status.createServiceToken', 'Minting answers {value}.'),
	status('status.createServiceToken', 'To create a service token, expect {value}.'),
	status('status.createServiceToken', 'A script that creates a service token gets {value}.'),
	status('status.listServiceTokens', 'List service tokens: the answer is {value}.'),
	status('status.listServiceTokens', 'The console lists service tokens with {value}.'),
	status('status.listServiceTokens', 'List your service tokens: {value}.'),
	status('status.listServiceTokens', 'To list the service tokens, expect {value}.'),
	status('status.renewServiceToken', 'Renew a service token: the answer is {value}.'),
	status('status.renewServiceToken', 'A successful renewal answers {value}.'),
	status('status.renewServiceToken', 'Renewing answers {value}.'),
	status('status.renewServiceToken', 'A POST to /renew answers {value}.'),
	status('status.getJwks', 'The JWKS is served with {value}.'),
	status('status.getJwks', 'The public keys come with {value}.'),
	status('status.sendMessage', 'Send a message: the answer is {value}.'),
	status('status.sendMessage', 'A service that sends a message gets {value}.'),
	status('status.sendMessage', 'Send messages and expect {value}.'),
	status('status.sendMessage', 'Sending a message answers {value}.'),
	status('status.getMessage', 'Read a message: the answer is {value}.'),
	status('status.getMessage', 'A client that reads a message gets {value}.'),
	status('status.getMessage', 'Read the message and expect {value}.'),
	status('status.getMessage', 'Get a message: {value}.'),
	status('status.getMessage', 'Get the message: {value}.'),
	status('status.getMessage', 'A client that gets the message sees {value}.'),
	status('status.login', 'POST /auth/login answers {value}.'),
	status('status.login', 'A browser login answers {value}.'),
	status('status.login', 'A session login answers {value}.'),
	status('status.login', 'The browser logs in and gets {value}.'),
	status('status.login', 'The session logs in and gets {value}.'),
	status('status.login', 'The page logs in the browser with {value}.'),
	status('status.login', 'A browser session starts with {value}.'),
	status('status.refreshSession', 'POST /auth/refresh answers {value}.'),
	status('status.refreshSession', 'A session refresh answers {value}.'),
	status('status.refreshSession', 'The page refreshes the session and gets {value}.'),
	status('status.refreshSession', 'Refresh the session: {value}.'),
	status('status.refreshSession', 'A browser session refresh answers {value}.'),
	status('status.refreshSession', 'A cookie refresh answers {value}.'),
	status('status.refreshSession', 'Refresh the cookie: {value}.'),
	status('status.refreshSession', 'The page refreshes the cookie and gets {value}.'),
	status('status.logout', 'POST /auth/logout answers {value}.'),
	status('status.logout', 'Log out: the answer is {value}.'),
	status('status.logout', 'The page logs out with {value}.'),
	status('status.logout', 'Logging out answers {value}.'),
	status('status.logout', 'A logout answers {value}.'),
];

const ROWS = [...DURATIONS, ...SIZES, ...STATUSES];

describe('findHandTypedFacts attributes a typed value to the fact its sentence states', () => {
	test.each(ROWS)('$fact: $sentence (the right value)', ({ sentence, fact, as }) => {
		const { typed, found } = check(sentence, factMarkdown(fact, as));
		expect(found, typed).toHaveLength(1);
		expect(found[0]).toMatchObject({ fact, wrong: false });
	});

	test.each(ROWS)('$fact: $sentence (a wrong value)', ({ sentence, fact, wrong }) => {
		const { typed, found } = check(sentence, wrong);
		expect(found, typed).toHaveLength(1);
		expect(found[0]).toMatchObject({ fact, wrong: true });
	});

	test('every subject word the registry declares is in a row about a fact that declares it', () => {
		const names = Object.keys(FACTS) as FactName[];
		const declared = new Set(names.flatMap((name) => FACTS[name].subjects ?? []));
		const missing = [...declared].filter((subject) => {
			const [term] = termsIn(subject);
			return !ROWS.some(
				(row) =>
					FACTS[row.fact].subjects?.includes(subject) &&
					termsIn(row.sentence).some((found) => found.term === term?.term)
			);
		});
		expect(missing).toEqual([]);
	});

	test('the table is not empty and has a row for every fact that declares subjects', () => {
		const names = (Object.keys(FACTS) as FactName[]).filter((name) => FACTS[name].subjects);
		expect(names.filter((name) => !ROWS.some((row) => row.fact === name))).toEqual([]);
	});
});

describe('durations in words', () => {
	test.each([
		['thirteen', 13],
		['fourteen', 14],
		['fifteen', 15],
		['sixteen', 16],
		['seventeen', 17],
		['eighteen', 18],
		['nineteen', 19],
		['forty-five', 45],
		['ninety-nine', 99],
	])('"%s minutes" is %i minutes', (word, minutes) => {
		const [found] = findingsIn(`An access token lives ${word} minutes.`);
		expect(found).toMatchObject({
			typed: `${word} minutes`,
			fact: 'access.lifetime',
			wrong: minutes * 60 !== LIFETIMES.accessToken,
		});
	});

	test('"a second" as an ordinal is no duration, "a second later" is one', () => {
		expect(findingsIn('Open the page in a second tab.')).toEqual([]);
		expect(findingsIn('The pair expires a second later.')).toHaveLength(1);
	});
});

describe('sentences', () => {
	test('a value is judged by its own sentence, not the one before', () => {
		const [found] = findingsIn(
			'Refresh tokens are long-lived. Access tokens expire after an hour.'
		);
		expect(found).toMatchObject({ fact: 'access.lifetime', wrong: true });
	});

	test('a clause after a semicolon has a subject of its own', () => {
		const found = findingsIn('Access tokens live 15 minutes; refresh tokens last 7 days.');
		expect(found.map(({ fact, wrong }) => ({ fact, wrong }))).toEqual([
			{ fact: 'access.lifetime', wrong: false },
			{ fact: 'refresh.lifetime', wrong: true },
		]);
	});
});

describe('headers', () => {
	test.each([
		['`WWW-Authenticate: Bearer`', 'header.wwwAuthenticate', false],
		['`WWW-Authenticate: Basic`', 'header.basicChallenge', false],
		['`WWW-Authenticate: Digest`', 'header.wwwAuthenticate', true],
		['`X-CSRF: true`', 'header.csrf', true],
	])('%s is %s (wrong: %s)', (typed, fact, wrong) => {
		expect(findingsIn(`The answer carries ${typed}.`)).toMatchObject([
			{ kind: 'header', fact, wrong },
		]);
	});
});
