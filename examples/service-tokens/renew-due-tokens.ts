/**
 * A one-shot renewal run for cron or CI: list the account's service tokens, renew those due, hand
 * each new token to the secret store, and revoke the old one once the store confirms it has the
 * new one. Every step can be interrupted: the next run finishes what this one started.
 *
 * Run it with `node examples/service-tokens/renew-due-tokens.ts` and the settings `main` names.
 *
 * @see /guides/service-tokens/
 */
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { CredentialsRejected, withRetries } from '../long-running/with-retries.ts';
import { writeFileAtomically } from '../refresh/token-store.ts';
import { basicAuth, createServiceToken, type ServiceToken } from './create-service-token.ts';

// #region secret-store
/** Where the services read their token: a vault, a cloud secret manager, a CI secret. */
export interface SecretStore {
	/** The id of the token stored under `name`, read back from the store itself. */
	currentId(name: string): Promise<string | undefined>;
	/** Replaces the token stored under `token.name`; resolves once the store has it. */
	put(token: ServiceToken): Promise<void>;
}

/** A secret store in a directory, one file per name (e.g. a mounted secrets volume). */
export class DirectorySecretStore implements SecretStore {
	readonly #directory: string;

	constructor(directory: string) {
		this.#directory = directory;
	}

	async currentId(name: string): Promise<string | undefined> {
		try {
			return (JSON.parse(await readFile(this.#file(name), 'utf8')) as ServiceToken).id;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
			throw error;
		}
	}

	put(token: ServiceToken): Promise<void> {
		return writeFileAtomically(this.#file(token.name), JSON.stringify(token));
	}

	#file(name: string): string {
		return join(this.#directory, `${encodeURIComponent(name)}.json`);
	}
}
// #endregion secret-store

// #region options
export interface RenewDueTokensOptions {
	baseUrl: string;
	/** The account's credentials: only this job holds them, never the services. */
	username: string;
	password: string;
	/** The tokens this job looks after, by name; `scopes` are what a first token is minted with. */
	tokens: { name: string; scopes: string[] }[];
	/** Renew a token with less than this left. Longer than the time between two runs. */
	renewBeforeSeconds: number;
	secrets: SecretStore;
}

export interface RenewalReport {
	/** Names that had no token in the secret store and got their first one. */
	created: string[];
	renewed: string[];
	/** Ids of tokens revoked because the store holds a newer one of their name. */
	revoked: string[];
}
// #endregion options

interface Listed {
	id: string;
	name: string;
	expires_at: string;
}

// #region run
/**
 * One run. Safe to run again at any time, after a crash at any step: what the store holds decides
 * which token is current, and every other token of that name is revoked once the store confirms.
 */
export async function renewDueTokens(options: RenewDueTokensOptions): Promise<RenewalReport> {
	const report: RenewalReport = { created: [], renewed: [], revoked: [] };
	const { tokens: listed, now } = await listTokens(options);
	for (const { name, scopes } of options.tokens) {
		const heldId = await options.secrets.currentId(name);
		const held = listed.find((token) => token.id === heldId && token.name === name);
		if (!held) {
			// First run, or the stored token was revoked: mint one (bootstrap).
			await handOff(
				options,
				await withRetries(() => createServiceToken({ ...options, name, scopes }))
			);
			report.created.push(name);
		} else if (Date.parse(held.expires_at) - now < options.renewBeforeSeconds * 1000) {
			// Due, or even expired: an expired token can still be renewed.
			await handOff(options, await withRetries(() => renew(options, held.id)));
			report.renewed.push(name);
		}
	}
	// Listed afresh: a renewal whose answer was lost (now, or in a run that crashed) shows up here.
	const { tokens: after } = await listTokens(options);
	for (const { name } of options.tokens) {
		const heldId = await options.secrets.currentId(name);
		for (const stale of after.filter((token) => token.name === name && token.id !== heldId)) {
			await withRetries(() => revoke(options, stale.id));
			report.revoked.push(stale.id);
		}
	}
	return report;
}
// #endregion run

// #region hand-off
/** Stores the new token, then reads the store back: only a confirmed hand-off lets the old go. */
async function handOff(options: RenewDueTokensOptions, token: ServiceToken): Promise<void> {
	await options.secrets.put(token);
	const stored = await options.secrets.currentId(token.name);
	if (stored !== token.id) {
		throw new Error(
			`the secret store did not take the new ${token.name} token (it holds ${stored})`
		);
	}
}
// #endregion hand-off

// #region requests
const TIMEOUT_MS = 10_000;

function request(options: RenewDueTokensOptions, method: string, path: string, body?: unknown) {
	const { baseUrl, username, password } = options;
	return fetch(`${baseUrl}${path}`, {
		method,
		headers: {
			Authorization: basicAuth(username, password),
			...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
		},
		...(body === undefined ? {} : { body: JSON.stringify(body) }),
		signal: AbortSignal.timeout(TIMEOUT_MS),
	});
}

/** The account's service tokens, and the server's "now" to judge them by (its `Date` header). */
async function listTokens(options: RenewDueTokensOptions) {
	return withRetries(async () => {
		const response = await request(options, 'GET', '/3rdparty/v1/service-tokens');
		if (!response.ok) throw await CredentialsRejected.from(response);
		const tokens = (await response.json()) as Listed[];
		const now = Date.parse(response.headers.get('Date') ?? '') || Date.now();
		return { tokens, now };
	});
}

async function renew(options: RenewDueTokensOptions, id: string): Promise<ServiceToken> {
	// No ttl: the longest the token's scopes allow.
	const response = await request(options, 'POST', `/3rdparty/v1/service-tokens/${id}/renew`, {});
	if (!response.ok) throw await CredentialsRejected.from(response);
	return (await response.json()) as ServiceToken;
}

async function revoke(options: RenewDueTokensOptions, id: string): Promise<void> {
	const response = await request(options, 'DELETE', `/3rdparty/v1/auth/token/${id}`);
	if (!response.ok) throw await CredentialsRejected.from(response);
}
// #endregion requests

// #region main
/**
 * The cron or CI entry point. The credentials come from the job's own secrets (a CI secret, a
 * root-only environment file), never from the services that use the tokens.
 */
export async function main(env: Record<string, string | undefined> = process.env) {
	const { API_BASE_URL, API_USERNAME, API_PASSWORD, SECRETS_DIR, SERVICE_TOKENS } = env;
	if (!API_BASE_URL || !API_USERNAME || !API_PASSWORD || !SECRETS_DIR || !SERVICE_TOKENS) {
		throw new Error('set API_BASE_URL, API_USERNAME, API_PASSWORD, SECRETS_DIR and SERVICE_TOKENS');
	}
	const report = await renewDueTokens({
		baseUrl: API_BASE_URL,
		username: API_USERNAME,
		password: API_PASSWORD,
		// e.g. [{"name":"billing-sync","scopes":["messages:send"]}]
		tokens: JSON.parse(SERVICE_TOKENS) as RenewDueTokensOptions['tokens'],
		renewBeforeSeconds: Number(env['RENEW_BEFORE_SECONDS'] ?? 2 * 86_400),
		secrets: new DirectorySecretStore(SECRETS_DIR),
	});
	// Names and ids only: a token never goes to a log.
	console.log(JSON.stringify(report));
	return report;
}
// #endregion main

if (import.meta.main) {
	await main();
}
