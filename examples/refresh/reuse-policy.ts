/**
 * Find out how the API you talk to treats a replayed refresh token: does it refuse only the
 * replay (`reject`), or end the whole login (`revoke-family`)? And does it run an overlap window?
 * The API does not say; one throwaway login shows it, and is revoked at the end.
 *
 * @see /guides/refresh-and-rotation/
 */
import { CredentialsRejected } from '../long-running/with-retries.ts';
import { ApiError, basicAuth } from '../service-tokens/create-service-token.ts';

// #region probe-reuse-policy
export interface ReusePolicy {
	/** What a replayed refresh token does to the login it came from. */
	onReuse: 'reject' | 'revoke-family';
	/** Whether replaying the immediate predecessor at once gets the same new pair back. */
	overlapWindow: boolean;
}

export async function probeReusePolicy(options: {
	baseUrl: string;
	username: string;
	password: string;
}): Promise<ReusePolicy> {
	const { baseUrl, username, password } = options;
	const basic = basicAuth(username, password);
	const refresh = (refreshToken: string) =>
		fetch(`${baseUrl}/3rdparty/v1/auth/token/refresh`, {
			method: 'POST',
			headers: { Authorization: `Bearer ${refreshToken}` },
		});
	const spend = async (refreshToken: string): Promise<string> => {
		const response = await refresh(refreshToken);
		if (!response.ok) throw await ApiError.from(response);
		return ((await response.json()) as { refresh_token: string }).refresh_token;
	};

	// A throwaway login with the narrowest scope there is.
	const response = await fetch(`${baseUrl}/3rdparty/v1/auth/token`, {
		method: 'POST',
		headers: { Authorization: basic, 'Content-Type': 'application/json' },
		body: JSON.stringify({ scopes: ['messages:read'] }),
	});
	if (!response.ok) throw await CredentialsRejected.from(response);
	const login = (await response.json()) as { id: string; refresh_token: string };
	try {
		const first = login.refresh_token;
		let current = await spend(first);
		// Replay the token just spent: within an overlap window it yields the same new pair.
		const replay = await refresh(first);
		const overlapWindow = replay.ok;
		await replay.body?.cancel();
		if (overlapWindow) {
			// Rotate once more, so that `first` is two generations old: a replay is reuse for sure.
			current = await spend(current);
			await (await refresh(first)).body?.cancel();
		}
		// After a reuse, is the newest refresh token of the login still good?
		const after = await refresh(current);
		await after.body?.cancel();
		return { onReuse: after.ok ? 'reject' : 'revoke-family', overlapWindow };
	} finally {
		// Leave nothing behind: revoking the first pair revokes everything rotated from it.
		await fetch(`${baseUrl}/3rdparty/v1/auth/token/${login.id}`, {
			method: 'DELETE',
			headers: { Authorization: basic },
		});
	}
}
// #endregion probe-reuse-policy
