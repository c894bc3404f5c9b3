"""Step 1 of the quick start: trade your account credentials for a token pair.

See /start/quick-start/
"""

from typing import Literal, TypedDict

import requests

from create_service_token import basic_auth


# #region issue-token-pair
class TokenPairResponse(TypedDict):
    """The body of a 201 from the token endpoints, as the API sends it."""

    id: str
    token_type: Literal["Bearer"]
    access_token: str
    refresh_token: str
    expires_at: str
    """When the access token expires, e.g. "2026-03-14T02:00:00Z"."""


def issue_token_pair(
    base_url: str, username: str, password: str, scopes: list[str]
) -> TokenPairResponse:
    response = requests.post(
        f"{base_url}/3rdparty/v1/auth/token",
        auth=basic_auth(username, password),  # Basic authentication, UTF-8
        json={"scopes": scopes},
        timeout=10,
    )
    # The API answers 201 Created, not 200: test `ok`, never `status_code == 200`.
    if not response.ok:
        raise RuntimeError(f"issuing a token pair failed: {response.status_code} {response.text}")
    body: TokenPairResponse = response.json()
    return body
# #endregion issue-token-pair
