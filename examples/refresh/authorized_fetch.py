"""A request with the access token attached: on a 401 it refreshes once and retries once, and a
second 401 goes back to the caller instead of looping.

See /guides/refresh-and-rotation/
"""

from typing import Any, Protocol

import requests


# #region authorized-fetch
class AccessTokenSource(Protocol):
    """Anything that hands out access tokens and can be told one was refused, like `TokenManager`."""

    def get_access_token(self) -> str: ...

    def invalidate(self, access_token: str) -> None: ...


def authorized_request(
    tokens: AccessTokenSource,
    session: requests.Session,
    method: str,
    url: str,
    timeout: float = 10,
    **kwargs: Any,
) -> requests.Response:
    """Sends a request with a bearer token. Bodies are sent twice on a retry, so pass `json=`,
    `data=` as bytes or a string, not a file or a generator."""

    extra_headers: dict[str, str] = kwargs.pop("headers", None) or {}

    def send(access_token: str) -> requests.Response:
        headers = {**extra_headers, "Authorization": f"Bearer {access_token}"}
        return session.request(method, url, headers=headers, timeout=timeout, **kwargs)

    access_token = tokens.get_access_token()
    response = send(access_token)
    if response.status_code != 401:
        return response

    # The token was refused before its time (revoked, or the clock lied): refresh and retry
    # once. Whatever the retry answers is final, so a persistent 401 cannot loop.
    tokens.invalidate(access_token)
    response.close()
    return send(tokens.get_access_token())
# #endregion authorized-fetch
