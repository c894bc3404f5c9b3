/**
 * The facts a page may state, each read from the data the mock runs on (src/mock/contract/) or
 * from an example's exported constants, and the ways a sentence can say them ("15 minutes",
 * "15-minute", "900 s", "`201 Created`"). Pages use `<Fact name="…" as="…" />`; generated text
 * (troubleshooting, runner, diagram) calls {@link factText}. Nothing here holds a value of its own.
 */
import { DEFAULT_MARGIN_SECONDS } from '../../examples/token-pairs/refresh-delay.ts';
import {
	MARGIN_SECONDS as SESSION_MARGIN_SECONDS,
	TIMEOUT_MS as SESSION_TIMEOUT_MS,
} from '../../examples/browser-apps/session-client.ts';
import {
	DAEMON_DEFAULTS,
	TIMEOUT_MS as DAEMON_TIMEOUT_MS,
} from '../../examples/long-running/token-daemon.ts';
import { MIN_DELAY_MS } from '../../examples/long-running/with-retries.ts';
import { RETRY_BASE_MS, RETRY_MAX_MS, TIMEOUT_MS } from '../../examples/refresh/token-manager.ts';
import {
	RENEW_AT_SHARE,
	RETRY_MS as RENEWAL_RETRY_MS,
	TIMEOUT_MS as RENEWAL_TIMEOUT_MS,
} from '../../examples/service-tokens/renewal-job.ts';
import { ENDPOINTS, type EndpointId, MAX_URL_LENGTH } from '../mock/contract/endpoints.ts';
import { API_ERRORS, type ApiErrorId } from '../mock/contract/errors.ts';
import {
	ABUSE_LIMITS,
	BASIC_CHALLENGE,
	CHALLENGE,
	CSRF_HEADER,
	HEADERS_TIMEOUT_SECONDS,
	MAX_BODY_BYTES,
	MAX_HEADER_BYTES,
	NO_STORE,
	PRAGMA_NO_CACHE,
	REFRESH_COOKIE,
	REQUEST_TIMEOUT_SECONDS,
	ROTATION_DEFAULTS,
} from '../mock/contract/http.ts';
import { ISSUER } from '../mock/contract/issuer.ts';
import { LIFETIMES, SERVICE_TOKEN_CAPS } from '../mock/contract/lifetimes.ts';
import { fillTemplate } from '../mock/contract/messageTemplate.ts';
import {
	BASIC_ONLY_SCOPES,
	NOT_IN_SESSIONS,
	REQUESTABLE_SCOPES,
	SCOPE_ALLOWS,
	SCOPES,
	type RequestableScope,
	type Scope,
} from '../mock/contract/scopes.ts';
import { closestMatch } from './closestMatch.ts';
import { openApiPath } from './openapi/openApiDocument.ts';
import { statusText } from './http/statusText.ts';

/** One fact's value, by the kind of thing it is; `about` says what it is, for lint messages. */
export type FactValue =
	| { kind: 'duration'; seconds: number }
	| { kind: 'status'; status: number }
	| { kind: 'error'; id: ApiErrorId; wire: string; status: number; message: string }
	| { kind: 'header'; name: string; value: string }
	| { kind: 'literal'; text: string }
	| { kind: 'list'; items: readonly string[] }
	| { kind: 'bytes'; bytes: number }
	| { kind: 'length'; characters: number }
	| { kind: 'share'; share: number }
	| { kind: 'scope'; scope: string; allows: string }
	| { kind: 'endpoint'; method: string; path: string; status: number };

export type Fact = FactValue & {
	about: string;
	/** Words a sentence uses when it states this fact (see {@link FACT_SUBJECTS}). */
	subjects?: readonly string[];
};

/** A run of words in a formatted fact, and whether it is code. */
export interface FactPiece {
	text: string;
	code: boolean;
}

/** What {@link formatFact} makes of a fact: usually one piece ("15 minutes", "`201 Created`"). */
export type FormattedFact = FactPiece | { pieces: readonly FactPiece[] };

const DAY = 86_400;

const duration = (seconds: number, about: string): Fact => ({ kind: 'duration', seconds, about });

/** The facts with a name of their own; the families (per scope, endpoint, error) follow. */
function namedFacts() {
	return {
		'access.lifetime': duration(LIFETIMES.accessToken, 'the access token’s lifetime'),
		'ttl.clamp': duration(LIFETIMES.accessToken, 'the largest `ttl` an access token gets'),
		'refresh.lifetime': duration(LIFETIMES.refreshToken, 'the refresh token’s lifetime'),
		'family.lifetime': duration(LIFETIMES.family, 'the longest a login (token family) lasts'),
		'cap.shortest': duration(
			Math.min(...Object.values(SERVICE_TOKEN_CAPS)),
			'the shortest service-token cap'
		),
		'cap.longest': duration(
			Math.max(...Object.values(SERVICE_TOKEN_CAPS)),
			'the longest service-token cap'
		),
		'header.csrf': { kind: 'header', ...CSRF_HEADER, about: 'the CSRF header of /auth/refresh' },
		'header.cacheControl': { kind: 'header', ...NO_STORE, about: 'the no-cache header' },
		'header.pragma': { kind: 'header', ...PRAGMA_NO_CACHE, about: 'the HTTP/1.0 no-cache header' },
		'header.wwwAuthenticate': { kind: 'header', ...CHALLENGE, about: 'the challenge of a 401' },
		'header.basicChallenge': {
			kind: 'header',
			...BASIC_CHALLENGE,
			about: 'the challenge of a 401 from an endpoint that takes Basic credentials only',
		},
		'limit.lockout': {
			kind: 'literal',
			text: ABUSE_LIMITS.accountLockout ? 'locks the account' : 'never locks an account',
			about: 'whether failed logins lock the account (they do not)',
		},
		'limit.rate': {
			kind: 'literal',
			text: ABUSE_LIMITS.rateLimit ? 'limits the request rate' : 'has no rate limit',
			about: 'whether the API limits the request rate (it does not)',
		},
		'cookie.name': {
			kind: 'literal',
			text: REFRESH_COOKIE.name,
			about: 'the session cookie’s name',
		},
		'cookie.attributes': {
			kind: 'literal',
			text: Object.values(REFRESH_COOKIE.attributes).join('; '),
			about: 'the session cookie’s attributes',
		},
		'cookie.maxAge': duration(LIFETIMES.refreshToken, 'a fresh session cookie’s Max-Age'),
		'cookie.maxAgeName': {
			kind: 'literal',
			text: 'Max-Age',
			about: 'the session cookie’s lifetime attribute (the refresh token’s remaining seconds)',
		},
		'scopes.notInSessions': {
			kind: 'list',
			items: NOT_IN_SESSIONS,
			about: 'the scopes a browser session never carries',
		},
		'scopes.basicOnly': {
			kind: 'list',
			items: BASIC_ONLY_SCOPES,
			about: 'the scopes only Basic credentials may grant',
		},
		'limit.body': { kind: 'bytes', bytes: MAX_BODY_BYTES, about: 'the largest request body' },
		'limit.headers': { kind: 'bytes', bytes: MAX_HEADER_BYTES, about: 'the largest header block' },
		'limit.headersTimeout': duration(
			HEADERS_TIMEOUT_SECONDS,
			'how long the mock server waits for a request’s headers'
		),
		'limit.requestTimeout': duration(
			REQUEST_TIMEOUT_SECONDS,
			'how long the mock server waits for a whole request'
		),
		'limit.url': { kind: 'length', characters: MAX_URL_LENGTH, about: 'the longest request URL' },
		'overlap.default': duration(ROTATION_DEFAULTS.overlapSeconds, 'the default overlap window'),
		// The longest a client here takes to resend a refresh whose answer was lost: its timeout,
		// then its first retry's longest wait. A window this long lets that resend get the same pair.
		'overlap.recommended': duration(
			Math.ceil(
				Math.max(DAEMON_TIMEOUT_MS + DAEMON_DEFAULTS.baseDelayMs, TIMEOUT_MS + RETRY_BASE_MS) / 1000
			),
			'the overlap window this site recommends: the clients’ timeout plus their first retry'
		),
		'retry.minDelay': duration(MIN_DELAY_MS / 1000, 'the shortest wait any example computes'),
		'reusePolicy.default': {
			kind: 'literal',
			text: ROTATION_DEFAULTS.reusePolicy,
			about: 'the default reuse policy',
		},
		issuer: { kind: 'literal', text: ISSUER, about: 'the issuer (`iss`) of the API’s tokens' },
		'reauth.loginsPerDay': {
			kind: 'literal',
			text: `${DAY / LIFETIMES.accessToken} a day`,
			about: 'how often a client that logs in again at every access-token expiry logs in',
		},
		'reauth.liveRefreshTokens': {
			kind: 'literal',
			text: ((LIFETIMES.refreshToken / LIFETIMES.accessToken) | 0).toLocaleString('en-US'),
			about: 'the unused refresh tokens such a client leaves alive at once, in steady state',
		},
		'tokenManager.margin': duration(DEFAULT_MARGIN_SECONDS, 'the token manager’s refresh margin'),
		'tokenManager.retryPause': duration(
			RETRY_BASE_MS / 1000,
			'the token manager’s first pause after a failed refresh'
		),
		'tokenManager.longestRetryPause': duration(
			RETRY_MAX_MS / 1000,
			'the token manager’s longest pause after failed refreshes'
		),
		'tokenManager.timeout': duration(TIMEOUT_MS / 1000, 'the token manager’s request timeout'),
		'daemon.margin': duration(DAEMON_DEFAULTS.marginSeconds, 'the token daemon’s refresh margin'),
		'daemon.timeout': duration(DAEMON_TIMEOUT_MS / 1000, 'the token daemon’s request timeout'),
		'daemon.firstRetry': duration(
			DAEMON_DEFAULTS.baseDelayMs / 1000,
			'the token daemon’s first retry delay'
		),
		'daemon.longestRetry': duration(
			DAEMON_DEFAULTS.maxDelayMs / 1000,
			'the token daemon’s longest retry delay'
		),
		'sessionClient.margin': duration(SESSION_MARGIN_SECONDS, 'the session client’s refresh margin'),
		'sessionClient.timeout': duration(
			SESSION_TIMEOUT_MS / 1000,
			'the session client’s request timeout'
		),
		'renewalJob.renewAt': {
			kind: 'share',
			share: RENEW_AT_SHARE,
			about: 'how far into its lifetime the renewal job renews a service token',
		},
		'renewalJob.retryPause': duration(
			RENEWAL_RETRY_MS / 1000,
			'the renewal job’s pause after a failure'
		),
		'renewalJob.timeout': duration(RENEWAL_TIMEOUT_MS / 1000, 'the renewal job’s request timeout'),
		'daemon.attempts': {
			kind: 'literal',
			text: String(DAEMON_DEFAULTS.maxAttempts),
			about: 'the token daemon’s attempts per refresh',
		},
	} satisfies Record<string, Fact>;
}

/** Every fact's name: the named ones and one per scope, cookie attribute, endpoint and error. */
export type FactName =
	| keyof ReturnType<typeof namedFacts>
	| `cap.${RequestableScope}`
	| `scope.${Scope}`
	| `cookie.${keyof typeof REFRESH_COOKIE.attributes}`
	| `endpoint.${EndpointId}`
	| `status.${EndpointId}`
	| `error.${ApiErrorId}`;

const SERVICE_TOKEN_CAP = ['service token', 'cap', 'capped', 'max_ttl'];
const MARGIN = ['margin', 'ahead'];
const TIMEOUT = ['timeout', 'time out', 'times out', 'gives up'];
const RETRY = ['retry', 'retries', 'retrying', 'pause', 'paused', 'backoff'];

/**
 * The words a sentence uses when it states a fact, as data: the fact checker (TPD004) scores a
 * sentence's words against them to tell which fact a typed value states ("access tokens live 1
 * hour" states `access.lifetime`). A word matches whole, in any case, with `-` read as a space
 * and an optional plural `s`; the longest term in a sentence wins ("refresh token" is not
 * "refresh"). A fact without subjects is only ever offered as a candidate. An endpoint's path
 * and `METHOD path` count as its status's subjects without being listed.
 */
const FACT_SUBJECTS: Partial<Record<FactName, readonly string[]>> = {
	'access.lifetime': ['access token'],
	'ttl.clamp': ['ttl', 'clamp', 'clamped'],
	'refresh.lifetime': ['refresh token'],
	'family.lifetime': ['family', 'families', 'login', 'log in'],
	'cookie.maxAge': ['cookie', 'Max-Age'],
	'cap.shortest': [...SERVICE_TOKEN_CAP, 'shortest'],
	'cap.longest': [...SERVICE_TOKEN_CAP, 'longest'],
	...Object.fromEntries(
		REQUESTABLE_SCOPES.map((scope) => [`cap.${scope}`, [...SERVICE_TOKEN_CAP, scope]])
	),
	'overlap.default': ['overlap'],
	'tokenManager.margin': [...MARGIN, 'token manager'],
	'daemon.margin': [...MARGIN, 'daemon'],
	'sessionClient.margin': [...MARGIN, 'session client'],
	'tokenManager.timeout': [...TIMEOUT, 'token manager'],
	'daemon.timeout': [...TIMEOUT, 'daemon'],
	'sessionClient.timeout': [...TIMEOUT, 'session client'],
	'renewalJob.timeout': [...TIMEOUT, 'renewal job'],
	'limit.headersTimeout': [...TIMEOUT, 'mock server'],
	'tokenManager.retryPause': [...RETRY, 'token manager', 'first'],
	'tokenManager.longestRetryPause': [...RETRY, 'token manager', 'longest'],
	'renewalJob.retryPause': [...RETRY, 'renewal job'],
	'daemon.firstRetry': [...RETRY, 'daemon', 'first'],
	'daemon.longestRetry': [...RETRY, 'daemon', 'longest'],
	'limit.headers': ['header', 'URL'],
	'limit.body': ['body', 'bodies', 'payload'],
	'status.issueTokenPair': [
		'issue',
		'issues',
		'issuing',
		'token pair',
		'get a pair',
		'get a new pair',
		'log in',
		'logs in',
		'logging in',
	],
	'status.refreshTokenPair': [
		'/auth/token/refresh',
		'refresh',
		'refreshes',
		'refreshed',
		'refreshing',
		'rotate',
		'rotation',
	],
	'status.revokeToken': ['revoke', 'revokes', 'revoking', 'DELETE'],
	'status.createServiceToken': [
		'mint',
		'minting',
		'create a service token',
		'creates a service token',
	],
	'status.listServiceTokens': [
		'list service tokens',
		'lists service tokens',
		'list your service tokens',
		'list the service tokens',
	],
	'status.renewServiceToken': ['renew', 'renewal', 'renewing', '/renew'],
	'status.getJwks': ['jwks', 'public keys'],
	'status.sendMessage': ['send a message', 'sends a message', 'send messages', 'sending a message'],
	'status.getMessage': [
		'read a message',
		'reads a message',
		'read the message',
		'get a message',
		'get the message',
		'gets the message',
	],
	'status.login': [
		'browser login',
		'session login',
		'browser logs in',
		'session logs in',
		'logs in the browser',
		'browser session',
	],
	'status.refreshSession': [
		'session refresh',
		'refreshes the session',
		'refresh the session',
		'browser session refresh',
		'cookie refresh',
		'refresh the cookie',
		'refreshes the cookie',
	],
	'status.logout': ['log out', 'logs out', 'logging out', 'logout'],
};

function buildFacts(): Record<FactName, Fact> {
	const facts: Record<string, Fact> = namedFacts();
	for (const scope of REQUESTABLE_SCOPES) {
		facts[`cap.${scope}`] = duration(
			SERVICE_TOKEN_CAPS[scope],
			`the longest lifetime of a service token with \`${scope}\``
		);
	}
	for (const scope of SCOPES) {
		facts[`scope.${scope}`] = {
			kind: 'scope',
			scope,
			allows: SCOPE_ALLOWS[scope],
			about: `the scope \`${scope}\``,
		};
	}
	for (const [key, attribute] of Object.entries(REFRESH_COOKIE.attributes)) {
		facts[`cookie.${key}`] = {
			kind: 'literal',
			text: attribute,
			about: `the session cookie’s ${attribute.split('=')[0]} attribute`,
		};
	}
	for (const endpoint of ENDPOINTS) {
		const { method, path, summary } = endpoint;
		const { status } = endpoint.success;
		facts[`endpoint.${endpoint.id}`] = {
			kind: 'endpoint',
			method,
			// Paths are written one way on every page, as the reference writes them: `{jti}`.
			path: openApiPath(path),
			status,
			about: `the endpoint that does “${summary}”`,
		};
		facts[`status.${endpoint.id}`] = {
			kind: 'status',
			status,
			about: `the success status of ${method} ${path}`,
		};
	}
	for (const [id, { error, status, message }] of Object.entries(API_ERRORS)) {
		facts[`error.${id}`] = {
			kind: 'error',
			id: id as ApiErrorId,
			wire: error,
			status,
			message,
			about: `the API error \`${id}\``,
		};
	}
	for (const [name, subjects] of Object.entries(FACT_SUBJECTS)) {
		const found = facts[name];
		if (!found) throw new Error(`FACT_SUBJECTS names no fact "${name}"`);
		found.subjects = subjects;
	}
	return facts as Record<FactName, Fact>;
}

/**
 * The facts read from an example's exported constants, by name prefix, with the example: advice
 * about them may stand in `<NotAFact>`, unlike a fact of the API itself.
 */
const EXAMPLE_FACTS: Readonly<Record<string, string>> = {
	tokenManager: 'examples/refresh/token-manager.ts',
	daemon: 'examples/long-running/token-daemon.ts',
	sessionClient: 'examples/browser-apps/session-client.ts',
	renewalJob: 'examples/service-tokens/renewal-job.ts',
};

/** Whether a fact is an example's setting rather than the API's contract. */
export function isExampleFact(name: FactName): boolean {
	return Object.hasOwn(EXAMPLE_FACTS, name.split('.')[0] ?? '');
}

/** Every fact by name. */
export const FACTS: Readonly<Record<FactName, Fact>> = buildFacts();

/** Whether `name` names a fact (pages and data name facts with plain strings). */
export function isFactName(name: string): name is FactName {
	return Object.hasOwn(FACTS, name);
}

/** The fact called `name`; an unknown name throws, naming the closest one. */
export function fact(name: string): Fact {
	if (isFactName(name)) return FACTS[name];
	const near = closestMatch(name, Object.keys(FACTS));
	throw new Error(
		`no fact "${name}"${near ? `; did you mean "${near}"?` : ''} (src/site/facts.ts)`
	);
}

const UNITS = [
	{ name: 'day', seconds: 86_400, short: 'days' },
	{ name: 'hour', seconds: 3_600, short: 'h' },
	{ name: 'minute', seconds: 60, short: 'min' },
	{ name: 'second', seconds: 1, short: 's' },
] as const;

type UnitName = (typeof UNITS)[number]['name'];

const GROUPED = new Intl.NumberFormat('en-US');
const grouped = (value: number) => GROUPED.format(value);
const LONG_UNIT = Object.fromEntries(
	UNITS.map(({ name }) => [
		name,
		new Intl.NumberFormat('en-US', { style: 'unit', unit: name, unitDisplay: 'long' }),
	])
) as Record<UnitName, Intl.NumberFormat>;
/** "15 minutes", "1 hour", "2,592,000 seconds". */
const plural = (count: number, unit: UnitName) => LONG_UNIT[unit].format(count);

/** The largest unit that measures `seconds` exactly (seconds for 0). */
function naturalUnit(seconds: number): (typeof UNITS)[number] {
	return UNITS.find((unit) => seconds !== 0 && seconds % unit.seconds === 0) ?? UNITS[3];
}

function inUnit(seconds: number, name: UnitName): number {
	const unit = UNITS.find((candidate) => candidate.name === name) ?? UNITS[3];
	return Math.round((seconds / unit.seconds) * 10) / 10;
}

/** Ways to say a duration; the default is `long`. */
const DURATION_FORMATS: Record<string, (seconds: number) => FormattedFact> = {
	/** "15 minutes", "30 days": the largest exact unit. */
	long: (seconds) => {
		const unit = naturalUnit(seconds);
		return { text: plural(seconds / unit.seconds, unit.name), code: false };
	},
	/** "15-minute", "90-day", before a noun. */
	adjective: (seconds) => {
		const unit = naturalUnit(seconds);
		return { text: `${grouped(seconds / unit.seconds)}-${unit.name}`, code: false };
	},
	/** "15 min", "30 days", as on the clock buttons. */
	short: (seconds) => {
		const unit = naturalUnit(seconds);
		return { text: `${grouped(seconds / unit.seconds)} ${unit.short}`, code: false };
	},
	/** "900 s". */
	s: (seconds) => ({ text: `${grouped(seconds)} s`, code: false }),
	/** "900 seconds". */
	seconds: (seconds) => ({ text: plural(seconds, 'second'), code: false }),
	/** "900", a value in seconds as a request or response carries it. */
	number: (seconds) => ({ text: String(seconds), code: false }),
	/** "`900`", the same as code. */
	code: (seconds) => ({ text: String(seconds), code: true }),
	/** "`Max-Age=2592000`". */
	maxAge: (seconds) => ({ text: `Max-Age=${seconds}`, code: true }),
	/** "10,000 ms". */
	ms: (seconds) => ({ text: `${grouped(seconds * 1000)} ms`, code: false }),
	minutes: (seconds) => ({ text: plural(inUnit(seconds, 'minute'), 'minute'), code: false }),
	hours: (seconds) => ({ text: plural(inUnit(seconds, 'hour'), 'hour'), code: false }),
	days: (seconds) => ({ text: plural(inUnit(seconds, 'day'), 'day'), code: false }),
};

function fillMessage(message: string, params: Readonly<Record<string, string>>): string {
	return fillTemplate(message, (name) => params[name] ?? `<${name}>`);
}

function listOf(items: readonly string[], separator: string): FormattedFact {
	return {
		pieces: items.flatMap((text, index) => [
			...(index > 0 ? [{ text: separator, code: false }] : []),
			{ text, code: true },
		]),
	};
}

/** The pieces of a formatted fact. */
export function factPieces(formatted: FormattedFact): readonly FactPiece[] {
	return 'pieces' in formatted ? formatted.pieces : [formatted];
}

function formatsOf(value: Fact, params: Readonly<Record<string, string>>) {
	switch (value.kind) {
		case 'duration':
			return Object.fromEntries(
				Object.entries(DURATION_FORMATS).map(([as, format]) => [as, () => format(value.seconds)])
			);
		case 'status':
			return {
				long: () => ({ text: statusText(value.status), code: true }),
				code: () => ({ text: String(value.status), code: true }),
				number: () => ({ text: String(value.status), code: false }),
			};
		case 'error':
			return {
				message: () => ({ text: fillMessage(value.message, params), code: true }),
				long: () => ({ text: statusText(value.status), code: true }),
				code: () => ({ text: String(value.status), code: true }),
				number: () => ({ text: String(value.status), code: false }),
				/** "`ttl_too_long`": the stable id an error body carries. */
				id: () => ({ text: value.wire, code: true }),
				answer: () => ({
					text: `${value.status} ${fillMessage(value.message, params)}`,
					code: true,
				}),
			};
		case 'header':
			return {
				long: () => ({ text: `${value.name}: ${value.value}`, code: true }),
				name: () => ({ text: value.name, code: true }),
				value: () => ({ text: value.value, code: true }),
			};
		case 'literal':
			return {
				long: () => ({ text: value.text, code: true }),
				plain: () => ({ text: value.text, code: false }),
			};
		case 'list':
			return {
				long: () => listOf(value.items, ', '),
				and: () => listOf(value.items, ' and '),
				or: () => listOf(value.items, ' or '),
			};
		case 'bytes':
			return {
				long: () => ({ text: `${grouped(value.bytes / 1024)} KiB`, code: false }),
				bytes: () => ({ text: `${grouped(value.bytes)} bytes`, code: false }),
			};
		case 'length':
			return {
				long: () => ({ text: `${grouped(value.characters)} characters`, code: false }),
				number: () => ({ text: grouped(value.characters), code: false }),
			};
		case 'share':
			return { long: () => ({ text: `${Math.round(value.share * 100)}%`, code: false }) };
		case 'scope':
			return {
				long: () => ({ text: value.scope, code: true }),
				allows: () => ({ text: value.allows, code: false }),
			};
		case 'endpoint':
			return {
				long: () => ({ text: `${value.method} ${value.path}`, code: true }),
				path: () => ({ text: value.path, code: true }),
				status: () => ({ text: statusText(value.status), code: true }),
			};
	}
}

/** The default way to say each kind of fact. */
const DEFAULT_FORMAT: Record<FactValue['kind'], string> = {
	duration: 'long',
	status: 'long',
	error: 'message',
	header: 'long',
	literal: 'long',
	list: 'long',
	bytes: 'long',
	length: 'long',
	share: 'long',
	scope: 'long',
	endpoint: 'long',
};

/** The formats a fact can be written in, for error messages and the lint rule's advice. */
export function factFormats(name: string): string[] {
	return Object.keys(formatsOf(fact(name), {}));
}

/**
 * The fact `name` said the way `as` asks (see {@link DURATION_FORMATS} and `formatsOf`); `params`
 * fill an error message's `{name}` slots, which otherwise read `<name>`. Throws on an unknown
 * name or format, so a typo fails the build instead of printing nothing.
 */
export function formatFact(
	name: string,
	as?: string,
	params: Readonly<Record<string, string>> = {}
): FormattedFact {
	const value = fact(name);
	const formats: Record<string, () => FormattedFact> = formatsOf(value, params);
	const chosen = as ?? DEFAULT_FORMAT[value.kind];
	const format = formats[chosen];
	if (!format) {
		throw new Error(
			`fact "${name}" has no format "${chosen}"; it has ${Object.keys(formats).join(', ')}`
		);
	}
	return format();
}

/** The fact as plain text, for generated text that is not Markdown (buttons, diagrams, logs). */
export function factText(
	name: string,
	as?: string,
	params: Readonly<Record<string, string>> = {}
): string {
	return factPieces(formatFact(name, as, params))
		.map((piece) => piece.text)
		.join('');
}

/** The fact as Markdown-ish text: code in backticks, for data rendered with `<InlineText>`. */
export function factMarkdown(
	name: string,
	as?: string,
	params: Readonly<Record<string, string>> = {}
): string {
	return factPieces(formatFact(name, as, params))
		.map(({ text, code }) => (code ? `\`${text}\`` : text))
		.join('');
}
