import type { HttpHandler } from 'msw';
import { type Account, DEFAULT_ACCOUNTS } from './auth/Account.ts';
import { Accounts } from './auth/Accounts.ts';
import { Clock } from './clock/Clock.ts';
import { ROTATION_DEFAULTS } from './contract/http.ts';
import { ISSUER } from './contract/issuer.ts';
import { serviceTokenCap } from './contract/lifetimes.ts';
import type { RequestableScope } from './contract/scopes.ts';
import { createHandlers } from './handlers/createHandlers.ts';
import { ExchangeLog } from './log/ExchangeLog.ts';
import type { MockContext, MockSettings } from './MockContext.ts';
import { TokenPairs } from './pairs/TokenPairs.ts';
import { type ServiceTokenBody, ServiceTokens } from './serviceTokens/ServiceTokens.ts';
import { type MockSnapshot, parseMockSnapshot, SNAPSHOT_FORMAT } from './snapshot/MockSnapshot.ts';
import { MessageStore } from './store/MessageStore.ts';
import { TokenStore } from './store/TokenStore.ts';
import {
	exportSigningKey,
	generateSigningKey,
	importSigningKey,
	type SigningKey,
} from './tokens/SigningKey.ts';
import { TokenService } from './tokens/TokenService.ts';

/** The issuer (`iss`) of every token the mock signs: the contract's. */
export const DEFAULT_ISSUER = ISSUER;

/** Options of {@link createMockApi}; every one has a documented default. */
export interface MockApiOptions extends Partial<MockSettings> {
	issuer?: string;
	accounts?: readonly Account[];
	clock?: Clock;
	/** How many exchanges `log` keeps, the oldest dropped first (default 1,000; 0 keeps none). */
	logCapacity?: number;
}

/** What {@link MockApi.seedLegacyServiceToken} mints. */
export interface LegacyServiceTokenOptions {
	username: string;
	name: string;
	/** The scopes the JWT carries (the record keeps none). */
	scopes: readonly RequestableScope[];
	/** Seconds; default: the cap of `scopes`. */
	ttl?: number;
}

/** A running instance of the mock Token Pair API, independent of how requests reach it. */
export interface MockApi {
	/** MSW handlers: give them to `setupServer`, `setupWorker` or the HTTP bridge. */
	handlers: HttpHandler[];
	clock: Clock;
	log: ExchangeLog;
	settings: MockSettings;
	issuer: string;
	accounts: readonly Account[];
	/** The signing key pair (its public JWK is what `/auth/jwks` serves). */
	signingKey: () => Promise<SigningKey>;
	/**
	 * Mock-only, not part of the API: takes a scope (a "role") away from an account, as an admin
	 * would, so tests and the runner can show renewal refusing it (403 `missing scopes`). Basic
	 * credentials stop carrying it at once; access tokens already issued keep it until they expire.
	 * `reset` gives it back. Throws for an unknown username.
	 */
	removeAccountScope: (username: string, scope: RequestableScope) => void;
	/**
	 * Mock-only, not part of the API: records a service token the way tokens minted before scopes
	 * were recorded look (seed 002's legacy rows): the JWT works and carries `scopes`, but renewing
	 * it is a 400 `token has no recorded scopes; mint a new one`. Throws for an unknown username.
	 */
	seedLegacyServiceToken: (options: LegacyServiceTokenOptions) => Promise<ServiceTokenBody>;
	/**
	 * Forgets every token, message and exchange, restores every account's scopes and password and
	 * puts the clock back; keeps the key and settings.
	 */
	reset: () => void;
	/**
	 * The whole state as plain JSON (see {@link MockSnapshot}): what another instance needs to
	 * carry on from here, e.g. the mock of another tab. Waits for tokens still being signed.
	 */
	snapshot: () => Promise<MockSnapshot>;
	/**
	 * Replaces the whole state with a snapshot's (validated first: a malformed one throws and
	 * changes nothing). The exchange log is kept; it is this instance's own.
	 */
	restore: (snapshot: unknown) => Promise<void>;
}

/**
 * Creates the mock Token Pair API of `api-contract.md`: real ES256 tokens, the contract's statuses
 * and error bodies, a movable clock and a log of every exchange.
 */
export function createMockApi(options: MockApiOptions = {}): MockApi {
	const clock = options.clock ?? new Clock();
	const issuer = options.issuer ?? DEFAULT_ISSUER;
	const accounts = new Accounts(options.accounts ?? DEFAULT_ACCOUNTS);
	const settings: MockSettings = {
		reusePolicy: options.reusePolicy ?? ROTATION_DEFAULTS.reusePolicy,
		overlapSeconds: options.overlapSeconds ?? ROTATION_DEFAULTS.overlapSeconds,
	};
	let key: Promise<SigningKey> | undefined;
	const signingKey = () => (key ??= generateSigningKey());
	const store = new TokenStore();
	const messages = new MessageStore();
	const log = new ExchangeLog({ capacity: options.logCapacity });
	const tokens = new TokenService({ issuer, clock, key: signingKey });
	const pairs = new TokenPairs({ tokens, store, clock, accounts });
	const serviceTokens = new ServiceTokens({ tokens, store });
	const ctx: MockContext = {
		clock,
		signingKey,
		tokens,
		pairs,
		serviceTokens,
		store,
		messages,
		accounts,
		settings,
		log,
	};
	const accountNamed = (username: string) => {
		const account = accounts.byUsername(username);
		if (!account) throw new Error(`no account ${username}`);
		return account;
	};
	return {
		handlers: createHandlers(ctx),
		clock,
		log,
		settings,
		issuer,
		accounts: accounts.list(),
		signingKey,
		removeAccountScope(username, scope) {
			accounts.removeScope(username, scope);
		},
		async seedLegacyServiceToken({ username, name, scopes, ttl }) {
			const token = await serviceTokens.mint({
				sub: accountNamed(username).userId,
				name,
				scopes,
				lifetime: ttl ?? serviceTokenCap(scopes),
				recordScopes: false,
			});
			// Without an `authorized` check, `mint` always stores what it signs.
			if (token === undefined) throw new Error('unreachable: an unguarded mint stored nothing');
			return token;
		},
		reset() {
			store.clear();
			pairs.clear();
			messages.clear();
			log.clear();
			clock.reset();
			accounts.reset();
		},
		async snapshot() {
			const successors = await pairs.snapshot();
			return {
				format: SNAPSHOT_FORMAT,
				signingKey: key ? await exportSigningKey(await key) : null,
				clockOffsetSeconds: clock.offsetSeconds,
				settings: { ...settings },
				tokens: store.snapshot(),
				successors,
				messages: messages.snapshot(),
				accountGrants: accounts.snapshot(),
				accountPasswords: accounts.changedPasswords(),
			};
		},
		async restore(value) {
			const snapshot = parseMockSnapshot(value);
			// The only step that can fail on a valid snapshot; done first, so a failure changes nothing.
			const restoredKey = snapshot.signingKey && (await importSigningKey(snapshot.signingKey));
			key = restoredKey ? Promise.resolve(restoredKey) : undefined;
			clock.setOffsetSeconds(snapshot.clockOffsetSeconds);
			Object.assign(settings, snapshot.settings);
			store.restore(snapshot.tokens);
			pairs.restore(snapshot.successors);
			messages.restore(snapshot.messages);
			accounts.restore(snapshot.accountGrants, snapshot.accountPasswords);
		},
	};
}
