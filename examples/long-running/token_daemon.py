"""A daemon that keeps a token pair fresh in the background: a timer set from each response when it
arrives, bounded retries with backoff and jitter on transient failures only, a report, the old
login revoked and a fresh login when the refresh token is refused, a stop (and a report) when the
credentials are refused, the login kept on disk across restarts, and revocation when the service
is retired.

See /guides/long-running-services/
"""

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from threading import Timer

import requests

from create_service_token import ApiError, basic_auth
from parse_token_pair import parse_token_pair
from refresh_delay import refresh_delay
from token_store import StoredLogin, TokenStore
from with_retries import (
    MIN_DELAY,
    CredentialsRejected,
    at_least_floor,
    backoff,
    is_transient,
    with_retries,
)

log = logging.getLogger(__name__)


# #region options
@dataclass(frozen=True)
class TokenDaemonOptions:
    base_url: str
    username: str
    password: str
    scopes: list[str]
    margin: timedelta = timedelta(seconds=60)
    """Refresh this long before the access token expires."""
    max_attempts: int = 5
    """Attempts per refresh before giving up until the next cycle."""
    base_delay: timedelta = timedelta(seconds=1)
    """First retry delay; doubles on each attempt, up to `max_delay`."""
    max_delay: timedelta = timedelta(seconds=60)
    on_error: Callable[[Exception], None] | None = None
    """Told about every failed attempt, a refused refresh included. The daemon keeps going, except
    after a `CredentialsRejected` (or another answer retrying cannot change): then it stops, and
    `access_token` raises it."""
    on_refresh_refused: Callable[[str | None], None] | None = None
    """Told (with the login's id) when the API refuses the refresh token: expired, revoked, or spent
    by someone else (a stolen copy). Alert on it. The daemon has already revoked that login (every
    pair rotated from it, a thief's included) before it logs in again."""
    store: TokenStore | None = None
    """Keeps the login across restarts; without one, a restart logs in again."""


class RefreshRefused(Exception):
    """The API refused the refresh token (401): that login is over, and it may have been stolen."""

    def __init__(self, login_id: str | None) -> None:
        super().__init__(f"the API refused the refresh token of login {login_id or '(unknown)'}")
        self.login_id = login_id
# #endregion options


# #region defaults
@dataclass
class _Pair:
    access_token: str
    refresh_token: str | None
    """Gone once spent or refused: a refresh token is never sent twice on purpose."""
    valid_until: datetime
    """When the access token expires, by the server's clock, on this machine's."""


TIMEOUT = 10
"""Seconds: no request may hang longer than this."""


class TokenDaemon:
    def __init__(self, options: TokenDaemonOptions) -> None:
        self._options = options
        self._session = requests.Session()
        self._pair: _Pair | None = None
        # The first pair of the current login: revoking it revokes every pair rotated from it.
        self._login_id: str | None = None
        # A login given up (refresh refused, or its answer lost): revoked before the next login.
        self._abandoned: str | None = None
        # Answers in a row whose token left no time to use it (see `_keep`), for the backoff.
        self._short_lived = 0
        # The refresh running now, so a timer and `invalidate` never start a second one.
        self._running: Future[None] | None = None
        self._guard = threading.Lock()
        self._timer: Timer | None = None
        # Set when the daemon stops: ends a retry's wait at once.
        self._stop = threading.Event()
        # Why the daemon stopped by itself: an error no retry can fix.
        self._failure: Exception | None = None
    # #endregion defaults

    # #region start
    def start(self) -> None:
        """Carries on with the stored login, or logs in, and starts the refresh cycle. Network
        errors and 5xx are retried; refused credentials raise `CredentialsRejected` at once."""
        self._stop.clear()
        self._failure = None
        self._schedule(self._with_retries())

    @property
    def access_token(self) -> str:
        """The newest access token: refreshed with the margin to spare while the API answers, and
        the last good one while it does not, until that one expires. Raises once the token has
        expired (or was refused) with no new one yet, and once the daemon has stopped on a
        configuration error."""
        if self._failure:
            raise self._failure
        if not self._pair:
            raise RuntimeError("TokenDaemon has no token: call start() first")
        if datetime.now(timezone.utc) >= self._pair.valid_until:
            raise RuntimeError("TokenDaemon has no valid access token: the API has not answered since")
        return self._pair.access_token
    # #endregion start

    # #region invalidate
    def invalidate(self, access_token: str) -> None:
        """Tells the daemon the API refused `access_token` (a 401 before its expiry: revoked, or a
        clock that lied). It refreshes at once, one refresh however many callers report, and
        returns when that refresh has. `access_token` raises until a new token arrives."""
        if self._stop.is_set() or not self._pair or self._pair.access_token != access_token:
            running = self._running
            if running:
                running.exception()
            return
        self._pair.valid_until = datetime.min.replace(tzinfo=timezone.utc)
        self._cycle_now()
    # #endregion invalidate

    # #region schedule
    def _schedule(self, delay: timedelta) -> None:
        if self._stop.is_set():
            return
        if self._timer:
            self._timer.cancel()
        self._timer = Timer(at_least_floor(delay).total_seconds(), self._cycle_now)
        # The next refresh is minutes away: it must not keep a process whose work is done alive.
        self._timer.daemon = True
        self._timer.start()
    # #endregion schedule

    # #region cycle
    def _cycle_now(self) -> None:
        with self._guard:
            running, owner = self._running, self._running is None
            if running is None:
                running = self._running = Future()
        if owner:
            try:
                self._cycle()
            finally:
                with self._guard:
                    self._running = None
                running.set_result(None)
        else:
            running.result()

    def _cycle(self) -> None:
        try:
            self._schedule(self._with_retries())
        except Exception as error:
            if self._stop.is_set():
                return
            self._report(error)
            if is_transient(error):
                # Out of attempts: try again later rather than die; the next success resets everything.
                self._schedule(self._options.max_delay)
            else:
                # Refused credentials (or scopes) do not heal by themselves: stop and say so.
                self._failure = error
                self._stop.set()

    def _with_retries(self) -> timedelta:
        """One refresh or login, retried only on network errors, timeouts, 429 and 5xx."""
        options = self._options
        return with_retries(
            self._refresh_or_login,
            attempts=options.max_attempts,
            base_delay=options.base_delay,
            max_delay=options.max_delay,
            on_retry=self._report,
            stop=self._stop,
        )

    def _report(self, error: Exception) -> None:
        try:
            if self._options.on_error:
                self._options.on_error(error)
        except Exception:
            log.exception("TokenDaemon on_error raised")
    # #endregion cycle

    # #region refresh-or-login
    def _refresh_or_login(self) -> timedelta:
        """Returns the delay until the next refresh."""
        pair = self._pair or self._restore()
        if not pair or not pair.refresh_token:
            return self._login()
        response = self._session.post(
            f"{self._options.base_url}/3rdparty/v1/auth/token/refresh",
            headers={"Authorization": f"Bearer {pair.refresh_token}"},
            timeout=TIMEOUT,
        )
        if response.status_code == 401:
            # Expired, revoked or spent by someone else (a stolen copy?): this login is finished.
            pair.refresh_token = None
            self._abandoned = self._login_id
            self._report(RefreshRefused(self._login_id))
            try:
                if self._options.on_refresh_refused:
                    self._options.on_refresh_refused(self._login_id)
            except Exception:
                log.exception("TokenDaemon on_refresh_refused raised")
            return self._login()
        if not response.ok:
            raise ApiError.from_response(response)
        # A 201 spent it, whatever the body turns out to hold. If the body is unusable, the pair it
        # held is lost: give up this login (revoked below), and the retry is a clean login.
        pair.refresh_token = None
        self._abandoned = self._login_id
        delay = self._keep(response)
        self._abandoned = None
        return delay

    def _login(self) -> timedelta:
        # Revoking the first pair revokes every pair rotated from it: a thief's, or one whose
        # answer was lost, dies here, before this login's id replaces it.
        if self._abandoned:
            self._revoke_login(self._abandoned)
        self._abandoned = None
        options = self._options
        response = self._session.post(
            f"{options.base_url}/3rdparty/v1/auth/token",
            auth=basic_auth(options.username, options.password),
            json={"scopes": options.scopes},
            timeout=TIMEOUT,
        )
        # A 401 here means wrong credentials: CredentialsRejected, which no retry will fix.
        if not response.ok:
            raise CredentialsRejected.from_response(response)
        return self._keep(response, starts_login=True)

    def _restore(self) -> _Pair | None:
        """After a restart: the stored login, whose refresh token the first cycle spends."""
        stored = self._options.store.load() if self._options.store else None
        if not stored:
            return None
        self._login_id = stored.login_id
        never = datetime.min.replace(tzinfo=timezone.utc)
        self._pair = _Pair("", stored.refresh_token, never)
        return self._pair
    # #endregion refresh-or-login

    # #region keep
    def _keep(self, response: requests.Response, starts_login: bool = False) -> timedelta:
        """Keeps a complete pair, or nothing, writes it to the store, and returns when to refresh."""
        pair = parse_token_pair(response.json())
        # Lifetime by the server's own clock (its Date header), so a wrong local clock cannot make
        # the timer late.
        lifetime = refresh_delay(response, pair.expires_at, timedelta(0))
        self._pair = _Pair(
            pair.access_token, pair.refresh_token, datetime.now(timezone.utc) + lifetime
        )
        if starts_login:
            self._login_id = pair.id
        self._save(pair.refresh_token)
        delay = max(lifetime - self._options.margin, lifetime / 2)
        if delay >= MIN_DELAY:
            self._short_lived = 0
            return delay
        # A token that arrives (nearly) expired, or a clock far ahead with no Date header: wait
        # longer each time rather than rotate in a loop.
        options = self._options
        self._short_lived += 1
        return at_least_floor(backoff(self._short_lived - 1, options.base_delay, options.max_delay))

    def _save(self, refresh_token: str) -> None:
        """Until this write lands, the new refresh token lives only in memory. A failed write is
        reported, not fatal: the pair in memory still works and the next refresh writes again."""
        store = self._options.store
        if not store or not self._login_id:
            return
        try:
            store.save(StoredLogin(self._login_id, refresh_token))
        except Exception as error:
            self._report(error)
    # #endregion keep

    # #region stop
    def stop(self) -> None:
        """For a restart (a deploy's SIGTERM): stops refreshing, ends a retry's wait, and keeps the
        login in the store, so the next process carries on with it without the password. (A
        request in flight ends within its timeout; requests cannot abort one from another thread.)"""
        self._stop.set()
        if self._timer:
            self._timer.cancel()
        self._pair = None

    def revoke(self) -> None:
        """For retiring the service (or a store that cannot be trusted any more): stops, then
        revokes the login, every pair rotated from it, and clears the store, so no copy of any of
        its tokens outlives the process. The next start logs in with the password."""
        self.stop()
        store = self._options.store
        stored = store.load() if store and not self._login_id else None
        login_id = self._login_id or (stored.login_id if stored else None)
        self._login_id = None
        if store:
            store.clear()
        if login_id:
            self._revoke_login(login_id)

    def _revoke_login(self, login_id: str) -> None:
        options = self._options
        response = self._session.delete(
            f"{options.base_url}/3rdparty/v1/auth/token/{login_id}",
            auth=basic_auth(options.username, options.password),
            timeout=TIMEOUT,
        )
        if not response.ok:
            raise ApiError.from_response(response)
    # #endregion stop
