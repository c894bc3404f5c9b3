import { ROTATION_DEFAULTS } from '../../contract/http.ts';
import type { ReusePolicy } from '../../pairs/TokenPairs.ts';

/** The settings `npm run mock-api` takes from the environment. */
export interface ServerConfig {
	port: number;
	username: string;
	password: string;
	/** A second account, for trying ownership checks; none unless both variables are set. */
	other: { username: string; password: string } | null;
	reusePolicy: ReusePolicy;
	overlapSeconds: number;
}

/** Every variable, its default and what it means; the banner and the docs page list these. */
export const SERVER_ENV = {
	PORT: { default: '8787', meaning: 'port on 127.0.0.1 (0 picks a free one)' },
	MOCK_USERNAME: { default: 'demo', meaning: 'username of the demo account' },
	MOCK_PASSWORD: { default: 'demo-password', meaning: 'password of the demo account' },
	MOCK_OTHER_USERNAME: {
		default: '',
		meaning: 'username of a second account (none unless set, with MOCK_OTHER_PASSWORD)',
	},
	MOCK_OTHER_PASSWORD: { default: '', meaning: 'password of the second account' },
	MOCK_REUSE_POLICY: {
		default: ROTATION_DEFAULTS.reusePolicy,
		meaning: 'a replayed refresh token: reject it alone, or revoke-family',
	},
	MOCK_OVERLAP_SECONDS: {
		default: String(ROTATION_DEFAULTS.overlapSeconds),
		meaning: 'seconds a just-rotated refresh token still yields the same new pair',
	},
} as const;

/** The longest overlap window accepted: the contract speaks of seconds, a day is plenty. */
const MAX_OVERLAP_SECONDS = 86_400;

const REUSE_POLICIES: readonly ReusePolicy[] = ['reject', 'revoke-family'];

/** The configuration, or every problem with it (so one run reports them all). */
export type ConfigResult = { ok: true; config: ServerConfig } | { ok: false; problems: string[] };

/**
 * Reads the server's settings from environment variables. An unset or empty variable takes its
 * default; any other value that is not valid is a problem, never silently replaced.
 */
export function readServerConfig(env: Readonly<Record<string, string | undefined>>): ConfigResult {
	const problems: string[] = [];
	const read = (name: keyof typeof SERVER_ENV) => {
		const value = env[name];
		return value === undefined || value === '' ? SERVER_ENV[name].default : value;
	};

	const portText = read('PORT');
	const port = Number(portText);
	if (!/^\d+$/.test(portText) || port > 65_535) {
		problems.push(`PORT must be a port number from 0 to 65535, not "${portText}"`);
	}
	const username = read('MOCK_USERNAME');
	const password = read('MOCK_PASSWORD');
	problems.push(...credentialProblems('MOCK_USERNAME', username, 'MOCK_PASSWORD', password));
	const otherUsername = read('MOCK_OTHER_USERNAME');
	const otherPassword = read('MOCK_OTHER_PASSWORD');
	let other: ServerConfig['other'] = null;
	if (otherUsername !== '' || otherPassword !== '') {
		other = { username: otherUsername, password: otherPassword };
		if (otherUsername === '' || otherPassword === '') {
			problems.push('MOCK_OTHER_USERNAME and MOCK_OTHER_PASSWORD must be set together');
		} else if (otherUsername === username) {
			problems.push(`MOCK_OTHER_USERNAME must differ from MOCK_USERNAME ("${username}")`);
		}
		problems.push(
			...credentialProblems(
				'MOCK_OTHER_USERNAME',
				otherUsername,
				'MOCK_OTHER_PASSWORD',
				otherPassword
			)
		);
	}
	const policy = read('MOCK_REUSE_POLICY');
	if (!(REUSE_POLICIES as readonly string[]).includes(policy)) {
		problems.push(`MOCK_REUSE_POLICY must be ${REUSE_POLICIES.join(' or ')}, not "${policy}"`);
	}
	const overlapText = read('MOCK_OVERLAP_SECONDS');
	const overlapSeconds = Number(overlapText);
	if (!/^\d+$/.test(overlapText) || overlapSeconds > MAX_OVERLAP_SECONDS) {
		problems.push(
			`MOCK_OVERLAP_SECONDS must be a whole number of seconds from 0 to ${MAX_OVERLAP_SECONDS}, not "${overlapText}"`
		);
	}
	if (problems.length > 0) return { ok: false, problems };
	return {
		ok: true,
		config: {
			port,
			username,
			password,
			other,
			reusePolicy: policy as ReusePolicy,
			overlapSeconds,
		},
	};
}

/** What is wrong with one account's credentials (Basic credentials are `username:password`). */
function credentialProblems(
	usernameVariable: string,
	username: string,
	passwordVariable: string,
	password: string
): string[] {
	const problems: string[] = [];
	if (username.includes(':') || /[\p{Cc}]/u.test(username)) {
		problems.push(
			`${usernameVariable} must not contain ":" or control characters (Basic credentials are "username:password")`
		);
	}
	if (/[\p{Cc}]/u.test(password)) {
		problems.push(`${passwordVariable} must not contain control characters`);
	}
	return problems;
}
