/**
 * What each example does under each fault its page names: the rows of the behaviour tables on
 * Long-running services, Refresh and rotation and Service tokens (`<Behaviour example=… />`), and
 * the list the tests run. Each case's test calls `behaviour('<id>', …)` in the file `test` names
 * (`tests/support/behaviour.ts`), and is titled with the row's own words; `npm test` fails on a
 * case without its test (`src/verify/checks/checkPromises.ts`). Change a row, and its test's title
 * changes with it; break the behaviour, and the test named after the row fails.
 */
import { factMarkdown as fact } from '../site/facts.ts';

export interface BehaviourCase {
	/** Stable id, e.g. `daemon.429`: what the test file passes to `behaviour()`. */
	id: string;
	/** The example, relative to `examples/`. */
	example: string;
	/** The fault, as the reader's service meets it. Text with `code` spans. */
	when: string;
	/** What the example does then: the page's promise. */
	then: string;
	/** The test file holding it, relative to the repository; default: the example's test file. */
	test?: string;
}

const UNAUTHORIZED = fact('error.unauthorized', 'code');
const DAEMON = 'long-running/token-daemon.ts';
const MANAGER = 'refresh/token-manager.ts';
const RENEW = 'service-tokens/renew-due-tokens.ts';
const JOB = 'service-tokens/renewal-job.ts';
const BFF = 'browser-apps/bff.ts';
const SESSION = 'browser-apps/session-client.ts';

export const BEHAVIOUR: readonly BehaviourCase[] = [
	// The retry rule
	{
		id: 'retry.transient',
		example: 'long-running/with-retries.ts',
		when: 'A network failure, a timeout or a `5xx`',
		then: 'Tried again, at most `attempts` times in all, each wait a random point in the upper half of a ceiling that doubles (up to `maxDelayMs`).',
	},
	{
		id: 'retry.429',
		example: 'long-running/with-retries.ts',
		when: 'A rate limit (Too Many Requests) with `Retry-After`, in seconds or as a date read against the answer’s `Date`',
		then: 'Tried again no sooner than it asks, and never later than `maxDelayMs`: a rate limit is transient, never a permanent stop.',
	},
	{
		id: 'retry.unreadable',
		example: 'long-running/with-retries.ts',
		when: 'A success whose body is cut short or is not JSON (a proxy’s HTML page)',
		then: 'Transient: tried again like a network failure.',
	},
	{
		id: 'retry.final',
		example: 'long-running/with-retries.ts',
		when: `Any other answer (${UNAUTHORIZED} on the login, ${fact('error.invalidBody', 'code')}, ${fact('error.scopeRequired', 'code')})`,
		then: 'Thrown at once, never retried.',
	},
	{
		id: 'retry.floor',
		example: 'long-running/with-retries.ts',
		when: 'A computed wait of zero or less',
		then: `Waits at least \`MIN_DELAY_MS\` (${fact('retry.minDelay', 'ms')}): never a tight loop.`,
	},
	// The token daemon
	{
		id: 'daemon.process',
		example: DAEMON,
		test: 'tests/examples/long-running/token-daemon.process.test.ts',
		when: '`await daemon.start()` at the top of a worker, the API down (a `5xx`)',
		then: 'The process stays up to retry, then runs: a retry keeps the event loop alive.',
	},
	{
		id: 'daemon.5xx',
		example: DAEMON,
		when: 'A `5xx`, a timeout or a network error on refresh',
		then: 'Keeps the tokens, reports each failure, retries with growing jittered waits, and recovers with no new login.',
	},
	{
		id: 'daemon.bounded',
		example: DAEMON,
		when: 'Every attempt fails',
		then: '`maxAttempts` attempts, then quiet for `maxDelayMs`, then again. The last good token is handed out while it is valid; once it expires, `accessToken` throws.',
	},
	{
		id: 'daemon.429',
		example: DAEMON,
		when: 'A rate limit (Too Many Requests) with `Retry-After`',
		then: 'Waits at least `Retry-After`, then refreshes; it never stops for a rate limit.',
	},
	{
		id: 'daemon.unreadable',
		example: DAEMON,
		when: `A ${fact('status.refreshTokenPair', 'code')} whose body is an HTML page or cut short`,
		then: 'Transient. That answer spent the refresh token: the daemon revokes that login (the lost pair with it) and the retry is a clean login.',
	},
	{
		id: 'daemon.expired',
		example: DAEMON,
		when: 'An answer whose `expires_at` is already past (or no `Date` and a clock far ahead)',
		then: `Waits from \`MIN_DELAY_MS\` up, doubling: a handful of refreshes, never a tight loop.`,
	},
	{
		id: 'daemon.hang',
		example: DAEMON,
		when: 'A refresh that never answers (the server rotated, the connection hangs)',
		then: `Gives up after its ${fact('daemon.timeout')} timeout, retries; the retry is reuse, so it revokes that login and logs in again.`,
	},
	{
		id: 'daemon.reset',
		example: DAEMON,
		when: 'A refresh answer reset mid-body',
		then: 'Transient; the spent login is revoked and the retry is a clean login.',
	},
	{
		id: 'daemon.lost',
		example: DAEMON,
		when: 'The refresh reached the server but its answer was lost, and no overlap window',
		then: `The retry is reuse (${UNAUTHORIZED}): the daemon revokes the old login and logs in again, once.`,
	},
	{
		id: 'daemon.refused',
		example: DAEMON,
		when: `Refresh answered ${UNAUTHORIZED} (a stolen copy was refreshed first)`,
		then: 'Reports `RefreshRefused` to `onError` and `onRefreshRefused({ loginId })`, revokes that login (the thief’s pairs die with it), then logs in again.',
	},
	{
		id: 'daemon.credentials',
		example: DAEMON,
		when: `The login answered ${UNAUTHORIZED} (the password changed)`,
		then: 'Stops, reports `CredentialsRejected` once, and `accessToken` throws it: no password resent.',
	},
	{
		id: 'daemon.invalidate',
		example: DAEMON,
		when: `Callers meet ${UNAUTHORIZED} with a token before its expiry`,
		then: '`daemon.invalidate(token)` refreshes at once, one refresh however many callers report it.',
	},
	{
		id: 'daemon.restart',
		example: DAEMON,
		when: 'The service restarts (`stop()`, then a new process on the same store)',
		then: 'The login is kept: the new process refreshes the stored token, no password sent.',
	},
	{
		id: 'daemon.processRestart',
		example: DAEMON,
		test: 'tests/examples/long-running/token-daemon.process.test.ts',
		when: '`SIGTERM` to a worker that will start again (`keepLogin: true`)',
		then: 'Exits with the login kept in its store; the next process carries on without a login.',
	},
	{
		id: 'daemon.processRetire',
		example: DAEMON,
		test: 'tests/examples/long-running/token-daemon.process.test.ts',
		when: '`SIGTERM` to a worker being retired (`keepLogin: false`)',
		then: 'Revokes the login and clears the store before it exits: its tokens stop working at once.',
	},
	// The token manager and authorizedFetch
	{
		id: 'manager.concurrent',
		example: MANAGER,
		when: 'Many callers at once on an expired token',
		then: 'One refresh; every caller gets its result.',
	},
	{
		id: 'manager.5xx',
		example: MANAGER,
		when: 'A `5xx` on refresh while the token is still valid',
		then: `The current token, then a pause of at most ${fact('tokenManager.retryPause')} (half to all of it) before the next attempt.`,
	},
	{
		id: 'manager.concurrentFailure',
		example: MANAGER,
		when: 'Many callers seeing one failure',
		then: 'One failure counted, one pause: the backoff grows per attempt, never per caller.',
	},
	{
		id: 'manager.neverExpired',
		example: MANAGER,
		when: 'Failures until past the token’s expiry',
		then: 'Never hands out an expired token: the next call tries again or throws the failure.',
	},
	{
		id: 'manager.429',
		example: MANAGER,
		when: 'A rate limit (Too Many Requests) with `Retry-After` on refresh',
		then: 'The current token, and no new attempt before `Retry-After` has passed.',
	},
	{
		id: 'manager.expired',
		example: MANAGER,
		when: 'An answer whose `expires_at` is already past',
		then: 'Kept for its refresh token but never handed out; callers get an error, and the next attempt waits for the backoff.',
	},
	{
		id: 'manager.unreadable',
		example: MANAGER,
		when: `A ${fact('status.refreshTokenPair', 'code')} whose body is not a complete pair`,
		then: 'Stores nothing, never resends the spent refresh token, and recovers with a login.',
	},
	{
		id: 'manager.truncated',
		example: MANAGER,
		when: 'A refresh answer cut short (valid framing, half the JSON)',
		then: 'The current token while it is valid; the next attempt logs in, and the spent refresh token is never resent.',
	},
	{
		id: 'manager.refused',
		example: MANAGER,
		when: `Refresh answered ${UNAUTHORIZED} (a stolen copy was refreshed first)`,
		then: 'Reports it (`onError`, `onRefreshRefused({ loginId })`), revokes that login, the thief’s pairs included, then logs in again.',
	},
	{
		id: 'manager.lost',
		example: MANAGER,
		when: 'A refresh answer lost after the server rotated',
		then: 'The lost pair dies with its login, revoked before the new login.',
	},
	{
		id: 'manager.credentials',
		example: MANAGER,
		when: `The login answered ${UNAUTHORIZED}`,
		then: 'Terminal: one attempt, then the same error without a request.',
	},
	{
		id: 'manager.restart',
		example: MANAGER,
		when: '`stop()` for a restart, then a new manager on the same store',
		then: 'The login is kept and carried on; `revoke()` ends it and clears the store.',
	},
	{
		id: 'fetch.401',
		example: 'refresh/authorized-fetch.ts',
		when: `The API answers ${UNAUTHORIZED} every time`,
		then: 'One refresh and one retry, then the answer goes back to the caller: no loop.',
	},
	// The renewal run
	{
		id: 'renew.process',
		example: RENEW,
		test: 'tests/examples/service-tokens/renew-due-tokens.process.test.ts',
		when: '`node renew-due-tokens.ts` with the API down (a `5xx`)',
		then: 'The process stays to retry, then finishes with code 0.',
	},
	{
		id: 'renew.overlap',
		example: RENEW,
		when: 'Two runs overlap (a slow run meets the next cron tick)',
		then: 'One takes the store’s lock and works, the other does nothing: one live token of each name, the stored one.',
	},
	{
		id: 'renew.overlapProcess',
		example: RENEW,
		test: 'tests/examples/service-tokens/renew-due-tokens.process.test.ts',
		when: 'Two processes overlap',
		then: 'The second reports `skipped` and exits 0; one token minted.',
	},
	{
		id: 'renew.killed',
		example: RENEW,
		test: 'tests/examples/service-tokens/renew-due-tokens.process.test.ts',
		when: 'A run killed mid-way, its lock left behind',
		then: 'The next run sees the lock’s process is gone, takes it over and finishes.',
	},
	{
		id: 'renew.crash',
		example: RENEW,
		when: 'A crash at any step of a renewal (before the hand-off, after it, during the read-back)',
		then: 'The next runs finish it: the stored token works and is the only one of its lineage left.',
	},
	{
		id: 'renew.replaced',
		example: RENEW,
		when: 'A token renewed and handed over',
		then: 'The replaced token keeps working until the next run revokes it, so requests in flight with it succeed.',
	},
	{
		id: 'renew.lost',
		example: RENEW,
		when: 'A renewal whose answer was lost',
		then: 'Retried; the token the lost answer minted is revoked by the next run, found by its `renewed_from`.',
	},
	{
		id: 'renew.byHand',
		example: RENEW,
		when: 'A person minted a token with the same name',
		then: 'Never revoked: renewal revokes by lineage (`renewed_from`), not by name.',
	},
	// The renewal job
	{
		id: 'job.5xx',
		example: JOB,
		when: 'A `5xx` on renewal',
		then: `Retried after a pause of at most ${fact('renewalJob.retryPause')}, then longer; the old token keeps working.`,
	},
	{
		id: 'job.429',
		example: JOB,
		when: 'A rate limit (Too Many Requests) with `Retry-After`',
		then: 'Waits at least `Retry-After`, then renews.',
	},
	{
		id: 'job.unreadable',
		example: JOB,
		when: `A ${fact('status.renewServiceToken', 'code')} whose body is an HTML page`,
		then: 'Retried; the credential that answer minted is found by its `renewed_from` and revoked.',
	},
	{
		id: 'job.expired',
		example: JOB,
		when: 'A renewed token whose `expires_at` is already past',
		then: `Waits up to ${fact('renewalJob.retryPause')}, then longer each time: never mints a credential in a loop.`,
	},
	{
		id: 'job.handoff',
		example: JOB,
		when: 'The hand-off to the service fails',
		then: 'Hands over the same token again later, never renews again: each renewal mints a credential.',
	},
	{
		id: 'job.credentials',
		example: JOB,
		when: `The renewal answered ${UNAUTHORIZED}`,
		then: 'Reports it and stops: retrying cannot fix a password.',
	},
	// The browser's session client
	{
		id: 'session.tabs',
		example: SESSION,
		when: 'Every tab finds the access token expired',
		then: 'One refresh across the tabs; every tab uses its result.',
	},
	{
		id: 'session.401',
		example: SESSION,
		when: `The API answers ${UNAUTHORIZED} every time`,
		then: 'One refresh and one retry, then the answer goes back: no loop.',
	},
	{
		id: 'session.refused',
		example: SESSION,
		when: 'The refresh is refused (the session was revoked after a stolen cookie was replayed)',
		then: 'The tab reports it (`onRefreshRefused`) and every tab is logged out.',
	},
	{
		id: 'session.unreadable',
		example: SESSION,
		when: 'A refresh answer that is not a session',
		then: 'Keeps the token it had, reports the failure (`onError`) and throws.',
	},
	// The backend-for-frontend
	{
		id: 'bff.concurrent',
		example: BFF,
		when: 'Several calls at once find the access token due',
		then: 'One refresh for the session; every call goes through with its result.',
	},
	{
		id: 'bff.401',
		example: BFF,
		when: `The API refuses the access token early (${UNAUTHORIZED})`,
		then: 'One refresh and one retry.',
	},
	{
		id: 'bff.refused',
		example: BFF,
		when: `The refresh answered ${UNAUTHORIZED} (the session ended)`,
		then: `The browser gets ${UNAUTHORIZED} and its session cookie is cleared: it logs in again.`,
	},
	{
		id: 'bff.down',
		example: BFF,
		when: 'The API down during a refresh',
		then: 'A `5xx` for that call, and the session kept for the next.',
	},
	{
		id: 'bff.truncated',
		example: BFF,
		when: 'A refresh answer whose body is cut short',
		then: 'A `5xx` for that call; the new refresh cookie from its headers is kept, so the next call refreshes with it: no reuse, no new login.',
	},
];

/** The test file of a case. */
export function testFileOf(entry: BehaviourCase): string {
	return entry.test ?? `tests/examples/${entry.example.replace(/\.ts$/, '.test.ts')}`;
}

/** The cases of one example, in the order its table shows them. */
export function behaviourOf(example: string): BehaviourCase[] {
	return BEHAVIOUR.filter((entry) => entry.example === example);
}

/** One case by id; throws for an unknown one, naming the closest. */
export function behaviourCase(id: string): BehaviourCase {
	const found = BEHAVIOUR.find((entry) => entry.id === id);
	if (!found) throw new Error(`no behaviour case "${id}" in src/data/behaviour.ts`);
	return found;
}
