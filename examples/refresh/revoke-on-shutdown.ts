/**
 * What a service does with its login when it is stopped. A restart (a deploy's SIGTERM) keeps the
 * login in the store, so the next process carries on without the password; a service without a
 * store, or one being retired, revokes it, so a leaked copy dies with the process.
 *
 * @see /guides/refresh-and-rotation/
 */

// #region revoke-on-shutdown
/** Anything whose login can be kept for a restart or revoked, like `TokenManager` or `TokenDaemon`. */
export interface Revocable {
	/** Stops handing out tokens and keeps the login in the store, for the next process. */
	stop(): Promise<void>;
	/** Revokes the login (every pair rotated from it) and clears the store. */
	revoke(): Promise<void>;
}

/**
 * On SIGTERM or SIGINT, stops the tokens (`keepLogin: true`, a service with a store that will
 * start again) or revokes them (a service without a store, or one being retired), then exits.
 * Returns a function that undoes this.
 */
export function revokeOnShutdown(tokens: Revocable, { keepLogin }: { keepLogin: boolean }) {
	const onSignal = (signal: NodeJS.Signals) => {
		(keepLogin ? tokens.stop() : tokens.revoke())
			.catch((error: unknown) => console.error('could not shut the tokens down', error))
			.finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
	};
	process.once('SIGTERM', onSignal);
	process.once('SIGINT', onSignal);
	return () => {
		process.off('SIGTERM', onSignal);
		process.off('SIGINT', onSignal);
	};
}
// #endregion revoke-on-shutdown
