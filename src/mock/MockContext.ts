import type { Accounts } from './auth/Accounts.ts';
import type { Clock } from './clock/Clock.ts';
import type { ExchangeLog } from './log/ExchangeLog.ts';
import type { ReusePolicy, TokenPairs } from './pairs/TokenPairs.ts';
import type { ServiceTokens } from './serviceTokens/ServiceTokens.ts';
import type { MessageStore } from './store/MessageStore.ts';
import type { TokenStore } from './store/TokenStore.ts';
import type { SigningKey } from './tokens/SigningKey.ts';
import type { TokenService } from './tokens/TokenService.ts';

/** Settings that may change while the mock runs (the in-page controls flip them). */
export interface MockSettings {
	/**
	 * What a replayed refresh token does on the bearer API: `reject` it alone, or `revoke-family`.
	 * Browser sessions (`/auth/refresh`) always revoke the family, whatever this says.
	 */
	reusePolicy: ReusePolicy;
	/**
	 * Seconds during which the immediate predecessor refresh token yields the same successor; on
	 * both surfaces.
	 */
	overlapSeconds: number;
}

/** Everything a handler needs; one per mock instance, shared by all its transports. */
export interface MockContext {
	clock: Clock;
	/** The key pair tokens are signed with, made on first use. */
	signingKey: () => Promise<SigningKey>;
	tokens: TokenService;
	pairs: TokenPairs;
	serviceTokens: ServiceTokens;
	store: TokenStore;
	messages: MessageStore;
	accounts: Accounts;
	settings: MockSettings;
	log: ExchangeLog;
}

/**
 * The context one request is answered in: the clock stopped at the request's instant and every
 * service that reads time rebound to it, sharing the same state. A service added to
 * {@link MockContext} that reads the clock must be rebound here, or its times drift from the rest.
 */
export function atInstant(ctx: MockContext): MockContext {
	const clock = ctx.clock.instant();
	const tokens = ctx.tokens.withClock(clock);
	return {
		...ctx,
		clock,
		tokens,
		pairs: ctx.pairs.withClock(clock, tokens),
		serviceTokens: ctx.serviceTokens.withTokens(tokens),
	};
}
