/**
 * The incident procedure for an account whose password or tokens may have been stolen: change the
 * password, which ends every login and service token of the account at once (the thief's too,
 * including logins nobody recorded), then bring your own services back with the new password.
 * When only a token leaked and the password is known to be safe, end every login without
 * changing it.
 *
 * @see /guides/refresh-and-rotation/
 */
import { ApiError, basicAuth } from '../service-tokens/create-service-token.ts';

// #region change-password
export interface AccountCredentials {
	baseUrl: string;
	username: string;
	password: string;
}

/**
 * Changes the account's password. In the same step the API ends every login (every token pair
 * and its rotations, browser sessions included) and every service token of the account: the old
 * password, and every token issued before, stop working together.
 *
 * Not retried: if the answer is lost, the change may have happened, and a retry with the old
 * password would only be refused. Check by logging in with the new one.
 */
export async function changePassword(
	account: AccountCredentials & { newPassword: string }
): Promise<void> {
	const response = await fetch(`${account.baseUrl}/3rdparty/v1/auth/password`, {
		method: 'POST',
		headers: {
			Authorization: basicAuth(account.username, account.password),
			'Content-Type': 'application/json',
		},
		body: JSON.stringify({ new_password: account.newPassword }),
		signal: AbortSignal.timeout(10_000),
	});
	// 401: the current password is wrong; 400 `invalid_new_password`: too short, or unchanged.
	if (!response.ok) throw await ApiError.from(response);
}
// #endregion change-password

// #region end-all-logins
/**
 * Ends every login and every service token of the account, and leaves the password as it is. For
 * a leaked token when the password is known to be safe; otherwise change the password instead.
 * Running it twice is harmless.
 */
export async function endAllLogins(account: AccountCredentials): Promise<void> {
	const response = await fetch(`${account.baseUrl}/3rdparty/v1/auth/logins/revoke`, {
		method: 'POST',
		headers: { Authorization: basicAuth(account.username, account.password) },
		signal: AbortSignal.timeout(10_000),
	});
	if (!response.ok) throw await ApiError.from(response);
}
// #endregion end-all-logins
