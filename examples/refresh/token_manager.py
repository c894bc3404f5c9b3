"""A token manager for a service: it hands out a valid access token, refreshes ahead of expiry,
lets concurrent callers (threads) share one refresh, and when the refresh token is no longer
accepted, reports it, revokes that login and falls back to the account credentials.

See /guides/refresh-and-rotation/
"""

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

import requests

from create_service_token import ApiError, basic_auth
from parse_token_pair import parse_token_pair
from refresh_delay import DEFAULT_MARGIN, refresh_delay
from token_store import StoredLogin, TokenStore
from with_retries import CredentialsRejected, at_least_floor, retry_delay

log = logging.getLogger(__name__)


# #region options
@dataclass(frozen=True)
class TokenManagerOptions:
    base_url: str
    username: str
    password: str
    scopes: list[str]
    margin: timedelta = DEFAULT_MARGIN
    """Refresh this long before the access token expires."""
    store: TokenStore | None = None
    """Keeps the login across restarts; without one, a restart logs in again."""
    on_error: Callable[[Exception], None] | None = None
    """Told about every failed refresh or login (a refused refresh included), for monitoring."""
    on_refresh_refused: Callable[[str | None], None] | None = None
    """Told (with the login's id) when the API refuses the refresh token: expired, revoked, or
    spent by someone else (a stolen copy). Alert on it. The manager revokes that login (every pair
    rotated from it, a thief's included) before it logs in again."""
# #endregion options


# #region state
@dataclass
class _CurrentPair:
    id: str
    access_token: str
    refresh_token: str | None
    """Gone once spent or refused: a refresh token is never sent twice on purpose."""
    refresh_at: datetime
    """When to refresh (the margin before expiry), on this machine's clock."""
    valid_until: datetime
    """When the access token expires, measured from its arrival on this machine's clock."""


_LONG_AGO = datetime.min.replace(tzinfo=timezone.utc)
RETRY_BASE = timedelta(seconds=5)
"""After failed refreshes, callers keep the current token a growing while (with jitter)."""
RETRY_MAX = timedelta(seconds=60)
TIMEOUT = 10
"""Seconds: no request to the token endpoints may hang longer than this."""


class TokenManager:
    def __init__(self, options: TokenManagerOptions) -> None:
        self._options = options
        self._session = requests.Session()
        self._pair: _CurrentPair | None = None
        # The first pair of the current login: revoking it revokes every pair rotated from it.
        self._login_id: str | None = None
        self._pending: Future[_CurrentPair] | None = None
        self._guard = threading.Lock()
        # Failed attempts in a row (one per attempt, however many callers waited on it).
        self._failures = 0
        # No request before this: the backoff after a failure (at least MIN_DELAY).
        self._not_before = _LONG_AGO
        self._last_error: Exception | None = None
        # A login given up (refresh refused, or its answer lost): revoked before the next login.
        self._abandoned: str | None = None
        # Set once the credentials are refused: a configuration error, so nothing is sent again.
        self._fatal: CredentialsRejected | None = None
        # A pair the store has not taken yet (its write failed); saved before it is handed out.
        self._unsaved = False
        self._stopped = False

    # #endregion state

    # #region ensure-valid
    def get_access_token(self) -> str:
        """A valid access token, refreshed first if it is within the margin of expiring."""
        if self._stopped:
            raise RuntimeError("TokenManager is stopped")
        if self._fatal:
            raise self._fatal
        pair, now = self._pair, datetime.now(timezone.utc)
        valid = pair is not None and now < pair.valid_until
        if pair and valid and not self._unsaved and now < pair.refresh_at:
            return pair.access_token
        if now < self._not_before and not self._pending:
            # Backing off after a failure: the current token while it lasts, else the failure.
            if pair and valid:
                return pair.access_token
            raise self._last_error or RuntimeError("no valid access token yet: the last had expired")
        try:
            return self._next_pair().access_token
        except Exception:
            # A 5xx or a timeout says nothing about the tokens: while the current access token is
            # still valid, use it (the next attempt waits for the backoff instead of piling on).
            now = datetime.now(timezone.utc)
            if pair and self._pair is pair and now < pair.valid_until and not self._fatal:
                return pair.access_token
            raise
    # #endregion ensure-valid

    # #region invalidate
    def invalidate(self, access_token: str) -> None:
        """Marks an access token the API refused (401) as stale, so the next call refreshes."""
        # Refused means not valid, whatever its expiry said: never handed out again.
        if self._pair and self._pair.access_token == access_token:
            self._pair.refresh_at = self._pair.valid_until = _LONG_AGO
    # #endregion invalidate

    # #region single-flight
    def _next_pair(self) -> _CurrentPair:
        """One new pair at a time: concurrent callers all wait for the same one (or its error)."""
        with self._guard:
            pending, owner = self._pending, self._pending is None
            if pending is None:
                pending = self._pending = Future()
        if owner:
            try:
                pending.set_result(self._obtain_pair())
                self._failures, self._not_before = 0, _LONG_AGO
            except Exception as error:
                # Counted once per attempt, whatever the number of callers waiting on it.
                self._last_error = error
                delay = retry_delay(error, self._failures, RETRY_BASE, RETRY_MAX)
                self._not_before = datetime.now(timezone.utc) + delay
                self._failures += 1
                self._report(error)
                pending.set_exception(error)
            finally:
                with self._guard:
                    self._pending = None
        return pending.result()

    def _report(self, error: Exception) -> None:
        try:
            if self._options.on_error:
                self._options.on_error(error)
        except Exception:
            log.exception("TokenManager on_error raised")
    # #endregion single-flight

    # #region refresh-or-reauthenticate
    def _obtain_pair(self) -> _CurrentPair:
        if self._unsaved and self._pair:
            return self._save(self._pair)
        pair = self._pair or self._restore()
        if pair and pair.refresh_token:
            response = self._session.post(
                f"{self._options.base_url}/3rdparty/v1/auth/token/refresh",
                headers={"Authorization": f"Bearer {pair.refresh_token}"},
                timeout=TIMEOUT,
            )
            if response.status_code == 401:
                # Expired, revoked or spent by someone else (a stolen copy?): this login is finished.
                pair.refresh_token = None
                self._abandoned = self._login_id
                self._refused()
            elif response.ok:
                # The server has rotated: whatever the body holds, the old refresh token is spent. An
                # unusable body loses that pair: give up this login (revoked below); the retry logs in.
                pair.refresh_token = None
                self._abandoned = self._login_id
                kept = self._keep(response)
                self._abandoned = None
                return kept
            else:
                # A server or network problem says nothing about the tokens: keep them.
                raise ApiError.from_response(response)
        # Revoking the first pair revokes every pair rotated from it: a thief's, or one whose answer
        # was lost, dies here, before the new login's id replaces this one.
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
        if not response.ok:
            error = CredentialsRejected.from_response(response)
            # Wrong credentials do not heal by themselves: stop here rather than resend them.
            if isinstance(error, CredentialsRejected):
                self._fatal = error
            raise error
        return self._keep(response, starts_login=True)

    def _refused(self) -> None:
        login_id = self._login_id
        self._report(RuntimeError(f"the API refused the refresh token of login {login_id}"))
        try:
            if self._options.on_refresh_refused:
                self._options.on_refresh_refused(login_id)
        except Exception:
            log.exception("TokenManager on_refresh_refused raised")
    # #endregion refresh-or-reauthenticate

    # #region restore
    def _restore(self) -> _CurrentPair | None:
        """After a restart: the stored login's refresh token, to be refreshed before any use."""
        stored = self._options.store.load() if self._options.store else None
        if not stored:
            return None
        self._login_id = stored.login_id
        # No access token yet: everything is due, so the first call refreshes.
        self._pair = _CurrentPair(stored.login_id, "", stored.refresh_token, _LONG_AGO, _LONG_AGO)
        return self._pair
    # #endregion restore

    # #region store-rotated
    def _keep(self, response: requests.Response, starts_login: bool = False) -> _CurrentPair:
        """Replaces the whole pair at once, after checking it; a bad body changes nothing. The new
        pair reaches the store before any caller gets its access token."""
        pair = parse_token_pair(response.json())
        if starts_login:
            self._login_id = pair.id
        now = datetime.now(timezone.utc)
        lifetime = refresh_delay(response, pair.expires_at, timedelta(0))
        delay = at_least_floor(refresh_delay(response, pair.expires_at, self._options.margin))
        self._pair = _CurrentPair(
            pair.id,
            pair.access_token,
            pair.refresh_token,
            refresh_at=now + delay,
            valid_until=now + lifetime,
        )
        saved = self._save(self._pair)
        # Kept for its refresh token, but never handed out: an access token that arrives expired
        # (or a clock far ahead) is a failure, and the next attempt waits for the backoff.
        if lifetime <= timedelta(0):
            raise ValueError("the token endpoint answered with an expired token")
        return saved

    def _save(self, pair: _CurrentPair) -> _CurrentPair:
        """Until the store has it, the pair is only in memory: a restart now would lose it."""
        store = self._options.store
        if not store or not pair.refresh_token or not self._login_id:
            return pair
        self._unsaved = True
        store.save(StoredLogin(self._login_id, pair.refresh_token))
        self._unsaved = False
        return pair
    # #endregion store-rotated

    # #region revoke
    def revoke(self) -> None:
        """Revokes the login, e.g. on shutdown: every pair rotated from it, including older access
        tokens that would otherwise live out their lifetime. Hands out no tokens afterwards."""
        self.stop()
        store = self._options.store
        stored = store.load() if store and not self._login_id else None
        login_id = self._login_id or (stored.login_id if stored else None)
        self._pair, self._login_id = None, None
        if store:
            store.clear()
        if login_id:
            self._revoke_login(login_id)

    def stop(self) -> None:
        """For a restart (a deploy's SIGTERM): hands out no tokens afterwards, lets a refresh in
        flight reach the store, and keeps the login there, so the next process carries on without
        the password."""
        self._stopped = True
        pending = self._pending
        if pending:
            pending.exception()  # let a refresh in flight land (and be stored)

    def _revoke_login(self, login_id: str) -> None:
        options = self._options
        response = self._session.delete(
            f"{options.base_url}/3rdparty/v1/auth/token/{login_id}",
            auth=basic_auth(options.username, options.password),
            timeout=TIMEOUT,
        )
        if not response.ok:
            raise ApiError.from_response(response)
    # #endregion revoke
