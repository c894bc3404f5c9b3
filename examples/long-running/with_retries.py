"""The retry rule every example follows: only a network failure, a timeout or a 5xx is tried
again, a bounded number of times. Anything else (a 401 on the Basic login above all) is an answer,
not an accident: stop and report it.

See /guides/long-running-services/
"""

import random
from datetime import timedelta

import requests

from create_service_token import ApiError


# #region credentials-rejected
class CredentialsRejected(ApiError):
    """The API refused the account credentials (a 401 on Basic authentication).

    That is a configuration error, not an outage: retrying sends a wrong password again and again,
    and may lock the account. Stop and tell a human.
    """

    def __str__(self) -> str:
        return (
            f"the API refused the account credentials ({self.status}): "
            "check the username and password"
        )

    @classmethod
    def from_response(cls, response: requests.Response) -> ApiError:
        """An `ApiError` for a refused Basic login, a `CredentialsRejected` for a 401."""
        error = ApiError.from_response(response)
        return cls(error.status, error.body) if error.status == 401 else error
# #endregion credentials-rejected


# #region backoff
def backoff(attempt: int, base_delay: timedelta, max_delay: timedelta) -> timedelta:
    """Exponential backoff with "equal jitter": half of each step fixed, half random, which
    spreads a fleet's retries instead of synchronising them."""
    ceiling = min(max_delay, base_delay * 2**attempt)
    return ceiling / 2 + random.uniform(0, 1) * ceiling / 2
# #endregion backoff
