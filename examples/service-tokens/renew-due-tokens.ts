/**
 * A one-shot renewal run for cron or CI: take the store's lock (one run at a time), list the
 * account's service tokens, revoke what earlier runs replaced, renew those due and hand each new
 * token to the secret store. A replaced token keeps working until the next run, so requests in
 * flight with it finish. Every step can be interrupted: the next run finishes what this one started.
 *
 * Run it with `node examples/service-tokens/renew-due-tokens.ts` and the settings `main` names.
 *
 * @see /guides/service-tokens/
 */
import { hostname } from 'node:os';
import { join } from 'node:path';
import { open, readFile, rename, rm } from 'node:fs/promises';
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
	/**
	 * Takes the renewal lock, so two runs never renew at once (a slow run overlapping the next
	 * cron tick). Resolves to a release function, or `undefined` while another run holds it.
	 */
	lock(): Promise<(() => Promise<void>) | undefined>;
}

/**
 * A lock older than this belongs to a run that died on another machine (on this one, a lock whose
 * process is gone is taken over at once). Far longer than a run lasts, far shorter than the time
 * left on a token that is due.
 */
export const STALE_LOCK_MS = 3_600_000;

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

	/** An exclusive create (`wx`): of two runs creating the lock file, exactly one succeeds. */
	async lock(): Promise<(() => Promise<void>) | undefined> {
		const path = join(this.#directory, '.renewal.lock');
		const holder = { pid: process.pid, host: hostname(), since: Date.now() };
		for (let attempt = 0; attempt < 2; attempt += 1) {
			try {
				const file = await open(path, 'wx', 0o600);
				await file.writeFile(JSON.stringify(holder));
				await file.close();
				return () => rm(path, { force: true });
			} catch (error) {
				if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			}
			if (!(await isStale(path))) return undefined;
			// Move the stale lock aside: a rename succeeds for one run only, the others see ENOENT.
			await rename(path, `${path}.stale.${process.pid}`).catch(() => {});
			await rm(`${path}.stale.${process.pid}`, { force: true });
		}
		return undefined;
	}

	#file(name: string): string {
		return join(this.#directory, `${encodeURIComponent(name)}.json`);
	}
}
/** A lock whose run crashed: its process is gone (same host), or it is older than the limit. */
async function isStale(path: string): Promise<boolean> {
	let holder: { pid?: number; host?: string; since?: number };
	try {
		holder = JSON.parse(await readFile(path, 'utf8')) as typeof holder;
	} catch {
		return false; // just created, not written yet: its run is alive
	}
	if (Date.now() - (holder.since ?? 0) > STALE_LOCK_MS) return true;
	if (holder.host !== hostname() || typeof holder.pid !== 'number') return false;
	try {
		process.kill(holder.pid, 0); // signal 0 only asks whether the process exists
		return false;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'ESRCH';
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
	/** Ids of tokens revoked: replaced by an earlier run, or minted by a renewal whose answer was lost. */
	revoked: string[];
	/** True when another run held the lock: this one did nothing. */
	skipped: boolean;
}
// #endregion options

interface Listed {
	id: string;
	name: string;
	expires_at: string;
	/** The token whose renewal minted this one; null for one minted afresh (or by a person). */
	renewed_from: string | null;
}

// #region run
/**
 * One run. Safe to run again at any time, after a crash at any step, and while another run is
 * going (it then does nothing): what the store holds decides which token is current. Only tokens
 * of that token's lineage (its predecessors and their other renewals) are revoked, never a token
 * someone minted by hand under the same name.
 */
export async function renewDueTokens(options: RenewDueTokensOptions): Promise<RenewalReport> {
	const report: RenewalReport = { created: [], renewed: [], revoked: [], skipped: false };
	const release = await options.secrets.lock();
	if (!release) return { ...report, skipped: true };
	try {
		await renewUnderLock(options, report);
	} finally {
		await release();
	}
	return report;
}

async function renewUnderLock(options: RenewDueTokensOptions, report: RenewalReport) {
	const { tokens: listed, now } = await listTokens(options);
	for (const { name, scopes } of options.tokens) {
		const heldId = await options.secrets.currentId(name);
		// What earlier runs replaced (kept until now for requests in flight) or lost: revoked first.
		for (const stale of heldId ? lineage(listed, heldId) : []) {
			await withRetries(() => revoke(options, stale.id));
			report.revoked.push(stale.id);
		}
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
}

/**
 * The listed tokens of `heldId`'s lineage other than itself: its predecessors, and every token
 * renewed from one of them (a replaced token, or one a lost answer minted). By lineage, not by
 * name: names are not unique, and a token a person minted has no `renewed_from`.
 */
function lineage(listed: Listed[], heldId: string): Listed[] {
	const byId = new Map(listed.map((token) => [token.id, token]));
	const ancestors = new Set<string>();
	for (let id: string | null = heldId; id && !ancestors.has(id);) {
		ancestors.add(id);
		id = byId.get(id)?.renewed_from ?? null;
	}
	const descends = (token: Listed) => {
		const seen = new Set<string>();
		for (
			let id = token.renewed_from;
			id && !seen.has(id);
			id = byId.get(id)?.renewed_from ?? null
		) {
			if (ancestors.has(id)) return true;
			seen.add(id);
		}
		return false;
	};
	return listed.filter(
		(token) => token.id !== heldId && (ancestors.has(token.id) || descends(token))
	);
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
	// Names and ids only: a token never goes to a log. A skipped run is not a failure.
	console.log(JSON.stringify(report));
	return report;
}
// #endregion main

if (import.meta.main) {
	await main();
}
