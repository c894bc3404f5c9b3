/**
 * Revoke the service's tokens when it is stopped, so a leaked copy dies with the process.
 *
 * @see /guides/refresh-and-rotation/
 */

// #region revoke-on-shutdown
/** Anything whose tokens can be revoked, like `TokenManager`. */
export interface Revocable {
	revoke(): Promise<void>;
}

/** On SIGTERM or SIGINT, revokes the tokens, then exits. Returns a function that undoes this. */
export function revokeOnShutdown(tokens: Revocable): () => void {
	const onSignal = (signal: NodeJS.Signals) => {
		tokens
			.revoke()
			.catch((error: unknown) => console.error('could not revoke tokens on shutdown', error))
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
