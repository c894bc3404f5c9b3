"""The retry rule every example follows: a network failure, a timeout, a 5xx, a 429 (after at
least its `Retry-After`) and a success whose body cannot be read are tried again, a bounded number
of times, with exponential backoff and jitter, never sooner than `MIN_DELAY`. Any other answer (a
401 on the Basic login above all) is an answer, not an accident: stop and report it.

See /guides/long-running-services/
"""

import random
import threading
from collections.abc import Callable
from datetime import timedelta
from typing import TypeVar

import requests

from create_service_token import ApiError

T = TypeVar("T")


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


# #region is-transient
def is_transient(error: BaseException) -> bool:
    """Whether trying again later can help: the network, a timeout, the server's own trouble, a
    rate limit, or a success whose body was cut short or replaced (a proxy's HTML page)."""
    if isinstance(error, ApiError):
        return error.status >= 500 or error.status == 429
    # requests raises ConnectionError when the connection fails (or is cut mid-body) and Timeout
    # when it is too slow; a body that is not JSON is a JSONDecodeError, and the examples' own
    # parsers raise ValueError for a body without what they need: both are ValueErrors.
    return isinstance(error, (requests.ConnectionError, requests.Timeout, ValueError))
# #endregion is-transient


# #region with-retries
def with_retries(
    operation: Callable[[], T],
    attempts: int = 3,
    base_delay: timedelta = timedelta(seconds=1),
    max_delay: timedelta = timedelta(seconds=30),
    on_retry: Callable[[Exception], None] | None = None,
    stop: threading.Event | None = None,
) -> T:
    """Runs `operation`, trying again on transient failures only; re-raises everything else at
    once. Setting `stop` ends the waiting (and the retrying)."""
    attempt = 1
    while True:
        try:
            return operation()
        except Exception as error:
            stopped = stop is not None and stop.is_set()
            if attempt >= attempts or not is_transient(error) or stopped:
                raise
            if on_retry:
                on_retry(error)
            sleep(retry_delay(error, attempt - 1, base_delay, max_delay), stop)
            if stop is not None and stop.is_set():
                raise
            attempt += 1


def retry_delay(
    error: Exception, attempt: int, base_delay: timedelta, max_delay: timedelta
) -> timedelta:
    """The wait before retry number `attempt + 1`: the backoff, or the server's `Retry-After` if
    it asked for longer (up to `max_delay`), and never less than `MIN_DELAY`."""
    asked = (error.retry_after if isinstance(error, ApiError) else None) or timedelta(0)
    return at_least_floor(max(backoff(attempt, base_delay, max_delay), min(asked, max_delay)))
# #endregion with-retries


# #region backoff
MIN_DELAY = timedelta(milliseconds=500)
"""No computed wait is shorter than this: an `expires_at` already past, a missing `Date` header or
a clock running ahead can make a computed delay zero, and zero in a loop is a tight loop."""


def at_least_floor(delay: timedelta) -> timedelta:
    """`delay`, or `MIN_DELAY` if that is longer."""
    return max(delay, MIN_DELAY)


def backoff(attempt: int, base_delay: timedelta, max_delay: timedelta) -> timedelta:
    """Exponential backoff with "equal jitter": half of each step fixed, half random, which
    spreads a fleet's retries instead of synchronising them."""
    ceiling = min(max_delay, base_delay * 2**attempt)
    return ceiling / 2 + random.uniform(0, 1) * ceiling / 2


def sleep(delay: timedelta, stop: threading.Event | None = None) -> None:
    """Waits `delay`, or less if `stop` is set meanwhile."""
    (stop or threading.Event()).wait(delay.total_seconds())
# #endregion backoff
