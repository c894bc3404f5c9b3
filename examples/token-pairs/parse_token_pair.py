"""Read a token pair response defensively: check every field before keeping any of them, so a
malformed body can never leave a half-stored pair behind.

See /concepts/token-pairs/
"""

from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast


# #region parse-token-pair
@dataclass(frozen=True)
class TokenPair:
    id: str
    """The access token's id (`jti`): pass it to revoke the pair."""
    access_token: str
    refresh_token: str
    expires_at: datetime
    """When the access token expires, timezone-aware (UTC)."""


def parse_token_pair(body: object) -> TokenPair:
    fields = cast(dict[str, Any], body) if isinstance(body, dict) else {}
    id, access_token, refresh_token, expires_at = (
        fields.get(name) for name in ("id", "access_token", "refresh_token", "expires_at")
    )
    expiry = _aware_datetime(expires_at)
    if (
        not isinstance(id, str)
        or fields.get("token_type") != "Bearer"
        or not isinstance(access_token, str)
        or not isinstance(refresh_token, str)
        or expiry is None
    ):
        raise ValueError("the token endpoint answered without a complete token pair")
    return TokenPair(id, access_token, refresh_token, expiry)


def _aware_datetime(value: object) -> datetime | None:
    """`expires_at` as a timezone-aware datetime; None if it is not an RFC 3339 timestamp."""
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value)  # Python 3.11 reads the trailing "Z"
    except ValueError:
        return None
    # A timestamp without an offset cannot be compared with an aware one: refuse it here.
    return parsed if parsed.tzinfo is not None else None
# #endregion parse-token-pair
