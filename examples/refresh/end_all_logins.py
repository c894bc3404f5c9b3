"""The incident procedure for an account whose password or tokens may have been stolen: change the
password, which ends every login and service token of the account at once (the thief's too,
including logins nobody recorded), then bring your own services back with the new password. When
only a token leaked and the password is known to be safe, end every login without changing it.

See /guides/refresh-and-rotation/
"""

from dataclasses import dataclass

import requests

from create_service_token import ApiError, basic_auth


# #region change-password
@dataclass(frozen=True)
class AccountCredentials:
    base_url: str
    username: str
    password: str


def change_password(account: AccountCredentials, new_password: str) -> None:
    """Changes the account's password. In the same step the API ends every login (every token
    pair and its rotations, browser sessions included) and every service token of the account: the
    old password, and every token issued before, stop working together.

    Not retried: if the answer is lost, the change may have happened, and a retry with the old
    password would only be refused. Check by logging in with the new one.
    """
    response = requests.post(
        f"{account.base_url}/3rdparty/v1/auth/password",
        auth=basic_auth(account.username, account.password),
        json={"new_password": new_password},
        timeout=10,
    )
    # 401: the current password is wrong; 400 `invalid_new_password`: too short, or unchanged.
    if not response.ok:
        raise ApiError.from_response(response)
# #endregion change-password


# #region end-all-logins
def end_all_logins(account: AccountCredentials) -> None:
    """Ends every login and every service token of the account, and leaves the password as it is.
    For a leaked token when the password is known to be safe; otherwise change the password
    instead. Running it twice is harmless."""
    response = requests.post(
        f"{account.base_url}/3rdparty/v1/auth/logins/revoke",
        auth=basic_auth(account.username, account.password),
        timeout=10,
    )
    if not response.ok:
        raise ApiError.from_response(response)
# #endregion end-all-logins
