"""Mint a named, long-lived service token for a machine that cannot hold a refresh token.

See /guides/service-tokens/
"""

from datetime import datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from typing import Any, NotRequired, TypedDict, cast

import requests
from requests.auth import HTTPBasicAuth


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

    def __init__(
        self, status: int, body: ApiErrorBody, retry_after: timedelta | None = None
    ) -> None:
        super().__init__(f"{status} {body.get('message', 'error')}")
        self.status = status
        self.body = body
        self.retry_after = retry_after
        """How long the server asked us to wait (`Retry-After`, on a 429 or 503)."""

    @classmethod
    def from_response(cls, response: requests.Response) -> "ApiError":
        try:
            body: object = response.json()
        except requests.JSONDecodeError:
            body = None
        fields: ApiErrorBody = cast(ApiErrorBody, body) if isinstance(body, dict) else {}
        return cls(response.status_code, fields, retry_after(response))


def retry_after(response: requests.Response) -> timedelta | None:
    """`Retry-After`: delay-seconds, or an HTTP-date read against the response's own `Date` (both
    from the server's clock, so a wrong local clock cannot stretch or cancel the wait)."""
    value = response.headers.get("Retry-After", "").strip()
    if value.isdigit():
        return timedelta(seconds=int(value))
    until, server_now = _http_date(value), _http_date(response.headers.get("Date", ""))
    if until is None:
        return None
    return max(until - (server_now or datetime.now(timezone.utc)), timedelta(0))


def _http_date(value: str) -> datetime | None:
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)
# #endregion service-token


# #region basic-auth
def basic_auth(username: str, password: str) -> HTTPBasicAuth:
    """Basic authentication as the API reads it: UTF-8. Given `str`s, requests encodes them as
    Latin-1 (it raises on `€`, and sends `ä` as one byte the API cannot decode), so pass bytes."""
    return HTTPBasicAuth(username.encode("utf-8"), password.encode("utf-8"))
# #endregion basic-auth


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
        auth=basic_auth(username, password),
        json=body,
        timeout=10,
    )
    if not response.ok:
        raise ApiError.from_response(response)  # 400 names the field; ttl too long → data.max_ttl
    token: ServiceToken = response.json()
    return token
# #endregion create
