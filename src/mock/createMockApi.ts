import type { HttpHandler } from 'msw';
import { type Account, DEFAULT_ACCOUNTS } from './auth/Account.ts';
import { Clock } from './clock/Clock.ts';
import { createHandlers } from './handlers/createHandlers.ts';
import { ExchangeLog } from './log/ExchangeLog.ts';
import type { MockContext, MockSettings } from './MockContext.ts';
import { TokenPairs } from './pairs/TokenPairs.ts';
import { MessageStore } from './store/MessageStore.ts';
import { TokenStore } from './store/TokenStore.ts';
import { generateSigningKey, type SigningKey } from './tokens/SigningKey.ts';
import { TokenService } from './tokens/TokenService.ts';

/** The issuer (`iss`) of every token the mock signs. */
export const DEFAULT_ISSUER = 'https://api.token-pair.example';

/** Options of {@link createMockApi}; every one has a documented default. */
export interface MockApiOptions extends Partial<MockSettings> {
	issuer?: string;
	accounts?: readonly Account[];
	clock?: Clock;
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
	/** Forgets every token, message and exchange and puts the clock back; keeps the key and settings. */
	reset: () => void;
}

/**
 * Creates the mock Token Pair API of `api-contract.md`: real ES256 tokens, the contract's statuses
 * and error bodies, a movable clock and a log of every exchange.
 */
export function createMockApi(options: MockApiOptions = {}): MockApi {
	const clock = options.clock ?? new Clock();
	const issuer = options.issuer ?? DEFAULT_ISSUER;
	const accounts = options.accounts ?? DEFAULT_ACCOUNTS;
	const settings: MockSettings = {
		reusePolicy: options.reusePolicy ?? 'reject',
		overlapSeconds: options.overlapSeconds ?? 0,
	};
	let key: Promise<SigningKey> | undefined;
	const signingKey = () => (key ??= generateSigningKey());
	const store = new TokenStore();
	const messages = new MessageStore();
	const log = new ExchangeLog();
	const tokens = new TokenService({ issuer, clock, key: signingKey });
	const pairs = new TokenPairs({ tokens, store, clock });
	const ctx: MockContext = {
		clock,
		signingKey,
		tokens,
		pairs,
		store,
		messages,
		accounts,
		settings,
		log,
	};
	return {
		handlers: createHandlers(ctx),
		clock,
		log,
		settings,
		issuer,
		accounts,
		signingKey,
		reset() {
			store.clear();
			pairs.clear();
			messages.clear();
			log.clear();
			clock.reset();
		},
	};
}
