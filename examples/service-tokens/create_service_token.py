"""Mint a named, long-lived service token for a machine that cannot hold a refresh token.

See /guides/service-tokens/
"""

from typing import Any, NotRequired, TypedDict, cast

import requests


# #region service-token
class ServiceToken(TypedDict):
    id: str
    name: str
    scopes: list[str]
    token: str
    expires_at: str
    """RFC 3339 UTC, e.g. "2026-04-13T01:45:00Z"."""


class ApiErrorBody(TypedDict):
    error: NotRequired[str]
    message: NotRequired[str]
    code: NotRequired[int]
    data: NotRequired[dict[str, Any]]


class ApiError(Exception):
    """An error answer of the API, with its status and body kept for the caller to act on.

    Branch on `body["error"]`, the stable id (`ttl_too_long`); `message` is for people and may be
    reworded.
    """

    def __init__(self, status: int, body: ApiErrorBody) -> None:
        super().__init__(f"{status} {body.get('message', 'error')}")
        self.status = status
        self.body = body

    @classmethod
    def from_response(cls, response: requests.Response) -> "ApiError":
        try:
            body: object = response.json()
        except requests.JSONDecodeError:
            body = None
        return cls(response.status_code, cast(ApiErrorBody, body) if isinstance(body, dict) else {})
# #endregion service-token


# #region create
def create_service_token(
    base_url: str,
    username: str,
    password: str,
    name: str,
    scopes: list[str],
    ttl: int | None = None,
) -> ServiceToken:
    """`ttl` in seconds; None means the longest the scopes allow."""
    body: dict[str, str | list[str] | int] = {"name": name, "scopes": scopes}
    if ttl is not None:
        body["ttl"] = ttl
    response = requests.post(
        f"{base_url}/3rdparty/v1/service-tokens",
        auth=(username, password),
        json=body,
        timeout=10,
    )
    if not response.ok:
        raise ApiError.from_response(response)  # 400 names the field; ttl too long → data.max_ttl
    token: ServiceToken = response.json()
    return token
# #endregion create
