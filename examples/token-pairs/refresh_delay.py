"""Work out when to refresh from the response itself, so neither a unit mix-up nor a wrong client
clock makes the refresh late.

See /concepts/token-pairs/
"""

from datetime import datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

import requests


# #region refresh-delay
DEFAULT_MARGIN = timedelta(seconds=60)
"""Refresh this long before expiry, unless told otherwise."""


def refresh_delay(
    response: requests.Response, expires_at: datetime, margin: timedelta = DEFAULT_MARGIN
) -> timedelta:
    """How long to wait before refreshing, counted from when `response` arrived.

    `expires_at` (from `expires_at`) and the response's `Date` header both come from the server's
    clock, so their difference is the token's lifetime whatever this machine's clock says.
    """
    lifetime = expires_at - _server_now(response)
    # With a margin longer than half the token's life, refresh at half-life instead (a 60 s margin
    # on a 60 s token would mean refreshing on every call).
    return max(lifetime - margin, lifetime / 2, timedelta(0))


def _server_now(response: requests.Response) -> datetime:
    """The server's clock from the `Date` header; this machine's (aware, UTC) if there is none."""
    try:
        server_now = parsedate_to_datetime(response.headers["Date"])
    except (KeyError, TypeError, ValueError):
        return datetime.now(timezone.utc)
    # HTTP dates are in GMT; a "-0000" zone parses as naive, which an aware expiry cannot meet.
    return server_now if server_now.tzinfo else server_now.replace(tzinfo=timezone.utc)
# #endregion refresh-delay
