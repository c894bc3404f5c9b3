"""Find out how the API you talk to treats a replayed refresh token: does it refuse only the
replay ("reject"), or end the whole login ("revoke-family")? And does it run an overlap window?
The API does not say; one throwaway login shows it, and is revoked at the end.

See /guides/refresh-and-rotation/
"""

from dataclasses import dataclass
from typing import Literal

import requests

from create_service_token import ApiError, basic_auth
from with_retries import CredentialsRejected


# #region probe-reuse-policy
@dataclass(frozen=True)
class ReusePolicy:
    on_reuse: Literal["reject", "revoke-family"]
    """What a replayed refresh token does to the login it came from."""
    overlap_window: bool
    """Whether replaying the immediate predecessor at once gets the same new pair back."""


def probe_reuse_policy(base_url: str, username: str, password: str) -> ReusePolicy:
    with requests.Session() as session:

        def refresh(refresh_token: str) -> requests.Response:
            return session.post(
                f"{base_url}/3rdparty/v1/auth/token/refresh",
                headers={"Authorization": f"Bearer {refresh_token}"},
                timeout=10,
            )

        def spend(refresh_token: str) -> str:
            response = refresh(refresh_token)
            if not response.ok:
                raise ApiError.from_response(response)
            new_refresh_token: str = response.json()["refresh_token"]
            return new_refresh_token

        # A throwaway login with the narrowest scope there is.
        response = session.post(
            f"{base_url}/3rdparty/v1/auth/token",
            auth=basic_auth(username, password),
            json={"scopes": ["messages:read"]},
            timeout=10,
        )
        if not response.ok:
            raise CredentialsRejected.from_response(response)
        login_id: str = response.json()["id"]
        first: str = response.json()["refresh_token"]
        try:
            current = spend(first)
            # Replay the token just spent: within an overlap window it yields the same new pair.
            overlap_window = refresh(first).ok
            if overlap_window:
                # Rotate once more, so that `first` is two generations old: a replay is reuse for sure.
                current = spend(current)
                refresh(first)
            # After a reuse, is the newest refresh token of the login still good?
            on_reuse = "reject" if refresh(current).ok else "revoke-family"
            return ReusePolicy(on_reuse, overlap_window)
        finally:
            # Leave nothing behind: revoking the first pair revokes everything rotated from it.
            session.delete(
                f"{base_url}/3rdparty/v1/auth/token/{login_id}",
                auth=basic_auth(username, password),
                timeout=10,
            )
# #endregion probe-reuse-policy
