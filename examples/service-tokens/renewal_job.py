"""Renew a service token at 80% of its lifetime and hand the new one to the running service, while
the old one stays valid until its own expiry: no request ever goes out without a valid token.

See /guides/service-tokens/
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from threading import Timer
from typing import cast

import requests

from create_service_token import ApiError, ServiceToken, basic_auth
from refresh_delay import refresh_delay
from with_retries import CredentialsRejected, at_least_floor, backoff, is_transient, retry_delay

log = logging.getLogger(__name__)


# #region options
@dataclass(frozen=True)
class RenewalJobOptions:
    base_url: str
    username: str
    password: str
    ttl: timedelta
    """Lifetime to ask for on each renewal; reduced to the cap if the API says so."""
    on_renewed: Callable[[ServiceToken], None]
    """Hands the new token to the service. The old token keeps working until it expires."""
    on_error: Callable[[Exception], None] | None = None
    """Told about every failure. The job stops on those that need a human: refused credentials
    (`CredentialsRejected`), lost scopes (403), a token gone (404), a legacy token (400)."""
# #endregion options


# #region state
RETRY = timedelta(minutes=1)
"""After a 5xx, a 429, a network error, an unreadable answer or a failed hand-off, try again within
a minute (at least what `Retry-After` asks), then longer."""
MAX_RETRY = timedelta(hours=1)
RENEW_AT_SHARE = 0.8
"""Renew when this share of the token's lifetime has passed."""
TIMEOUT = 10
"""Seconds: no request may hang longer than this."""


class RenewalJob:
    def __init__(self, options: RenewalJobOptions, current: ServiceToken) -> None:
        self._options = options
        # The token the service uses now.
        self.current = current
        # A renewed token the service has not taken yet (its hand-off failed).
        self._unhanded: ServiceToken | None = None
        # The lifetime renewals ask for: the option, or the cap once the API has named it.
        self._ttl = options.ttl
        # A token this job did not renew itself: assume it was minted with `ttl`.
        expires_at = datetime.fromisoformat(current["expires_at"])
        self._renew_at = expires_at - (1 - RENEW_AT_SHARE) * options.ttl
        self._timer: Timer | None = None
        self._stopped = True
        # Failures in a row, and renewals in a row whose token came back with (almost) no life
        # left, for the backoff.
        self._failures = 0
        self._short_lived = 0
        # A renewal failed after the request went out (answer lost or unreadable): the server may
        # have minted a token nobody holds. The next renewal that succeeds looks for it and revokes it.
        self._may_have_minted = False
        self._session = requests.Session()
    # #endregion state

    # #region schedule
    def start(self) -> None:
        """Starts waiting for the renewal time. The timer does not keep the process alive."""
        self._stopped = False
        self._wake_at(self._renew_at)

    def stop(self) -> None:
        """Stops renewing; the current token keeps working until it expires."""
        self._stopped = True
        if self._timer:
            self._timer.cancel()

    def _wake_at(self, when: datetime) -> None:
        if self._stopped:
            return
        if self._timer:
            self._timer.cancel()
        # One timer however far away: Python's timers have no 24.8-day limit, unlike setTimeout.
        delay = at_least_floor(when - datetime.now(timezone.utc))
        self._timer = Timer(delay.total_seconds(), self._renew_in_background)
        self._timer.daemon = True
        self._timer.start()

    def _renew_in_background(self) -> None:
        try:
            self.renew_now()
        except Exception:
            pass  # reported through on_error, and rescheduled or stopped by renew_now
    # #endregion schedule

    # #region renew
    def renew_now(self) -> ServiceToken:
        """Renews now: same name and scopes, new id; the old token keeps working until it expires."""
        renewed = self._unhanded
        if not renewed:
            try:
                renewed = self._unhanded = self._renew(self._ttl)
            except Exception as error:
                self._report(error)
                if is_transient(error):
                    # An ApiError is an answer: nothing was minted. Anything else may have minted one.
                    if not isinstance(error, ApiError):
                        self._may_have_minted = True
                    self._retry_later(error)  # the old token still works
                else:
                    self.stop()  # wrong credentials, scopes lost, token gone, legacy: retrying cannot help
                raise
        try:
            self._options.on_renewed(renewed)
        except Exception as error:
            # Retry handing over this token, not renewing again: every renewal mints a credential.
            self._report(error)
            self._retry_later(error)
            raise
        if self._may_have_minted:
            try:
                self._revoke_lost(renewed)
            except Exception as error:
                self._report(error)
        self._unhanded = None
        self._failures = 0
        self.current = renewed
        if not self._stopped:
            self.start()
        return renewed

    def _retry_later(self, error: Exception) -> None:
        delay = retry_delay(error, self._failures, RETRY, MAX_RETRY)
        self._failures += 1
        self._wake_at(datetime.now(timezone.utc) + delay)

    def _report(self, error: Exception) -> None:
        try:
            if self._options.on_error:
                self._options.on_error(error)
        except Exception:
            log.exception("RenewalJob on_error raised")

    def _revoke_lost(self, kept: ServiceToken) -> None:
        """Revokes the tokens a lost renewal minted: renewed from the same token as `kept`, but not
        `kept`. By lineage (`renewed_from`), never by name: a person's token of that name is not ours."""
        listed = cast(list[dict[str, str | None]], self._request("GET", "/3rdparty/v1/service-tokens").json())
        origin = next((token["renewed_from"] for token in listed if token["id"] == kept["id"]), None)
        for lost in listed:
            if lost["renewed_from"] == origin and lost["id"] != kept["id"]:
                response = self._request("DELETE", f"/3rdparty/v1/auth/token/{lost['id']}")
                if not response.ok:
                    raise ApiError.from_response(response)
        self._may_have_minted = False

    def _request(
        self, method: str, path: str, body: dict[str, int] | None = None
    ) -> requests.Response:
        options = self._options
        return self._session.request(
            method,
            f"{options.base_url}{path}",
            auth=basic_auth(options.username, options.password),
            json=body,
            timeout=TIMEOUT,
        )

    def _renew(self, ttl: timedelta) -> ServiceToken:
        seconds = int(ttl.total_seconds())
        response = self._request(
            "POST", f"/3rdparty/v1/service-tokens/{self.current['id']}/renew", {"ttl": seconds}
        )
        if response.ok:
            renewed: ServiceToken = response.json()
            # 80% of the lifetime by the server's clock (expires_at minus its Date), from now.
            lifetime = refresh_delay(response, datetime.fromisoformat(renewed["expires_at"]), timedelta(0))
            delay = RENEW_AT_SHARE * lifetime
            # A token that came back (nearly) expired, or a clock far ahead without a Date header:
            # back off rather than mint a new credential in a loop.
            short = delay < RETRY
            if short:
                delay = backoff(self._short_lived, RETRY, MAX_RETRY)
                self._short_lived += 1
            else:
                self._short_lived = 0
            self._renew_at = datetime.now(timezone.utc) + delay
            return renewed
        error = CredentialsRejected.from_response(response)  # a 401: the Basic credentials
        max_ttl = error.body.get("data", {}).get("max_ttl")
        # Asked for more than the scopes allow: take the cap the API names, once.
        if error.status == 400 and isinstance(max_ttl, int) and max_ttl < seconds:
            self._ttl = timedelta(seconds=max_ttl)
            return self._renew(self._ttl)
        raise error
    # #endregion renew
