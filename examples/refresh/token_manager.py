"""A token manager for a service: it hands out a valid access token, refreshes ahead of expiry,
lets concurrent callers (threads) share one refresh, and falls back to the account credentials when
the refresh token is no longer accepted.

See /guides/refresh-and-rotation/
"""

import threading
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

import requests

from create_service_token import ApiError
from parse_token_pair import parse_token_pair
from refresh_delay import DEFAULT_MARGIN, refresh_delay
from token_store import StoredLogin, TokenStore
from with_retries import CredentialsRejected, backoff


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
        # Failed refreshes in a row, for the backoff.
        self._failures = 0
        # Set once the credentials are refused: a configuration error, so nothing is sent again.
        self._fatal: CredentialsRejected | None = None
        # A pair the store has not taken yet (its write failed); saved before it is handed out.
        self._unsaved = False
        self._closed = False

    # #endregion state

    # #region ensure-valid
    def get_access_token(self) -> str:
        """A valid access token, refreshed first if it is within the margin of expiring."""
        if self._closed:
            raise RuntimeError("TokenManager is closed")
        if self._fatal:
            raise self._fatal
        pair = self._pair
        if pair and not self._unsaved and datetime.now(timezone.utc) < pair.refresh_at:
            return pair.access_token
        try:
            return self._next_pair().access_token
        except Exception:
            # A 5xx or a timeout says nothing about the tokens: while the current access token is
            # still valid, use it, and let the next attempt wait a growing while instead of piling on.
            now = datetime.now(timezone.utc)
            if pair and self._pair is pair and now < pair.valid_until and not self._fatal:
                pair.refresh_at = now + backoff(self._failures, RETRY_BASE, RETRY_MAX)
                self._failures += 1
                return pair.access_token
            raise
    # #endregion ensure-valid

    # #region invalidate
    def invalidate(self, access_token: str) -> None:
        """Marks an access token the API refused (401) as stale, so the next call refreshes."""
        if self._pair and self._pair.access_token == access_token:
            self._pair.refresh_at = datetime.min.replace(tzinfo=timezone.utc)
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
            except Exception as error:
                pending.set_exception(error)
            finally:
                with self._guard:
                    self._pending = None
        return pending.result()
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
                # Expired, revoked or already spent: never send this refresh token again.
                pair.refresh_token = None
            elif response.ok:
                # The server has rotated: whatever the body holds, the old refresh token is spent.
                pair.refresh_token = None
                return self._keep(response)
            else:
                # A server or network problem says nothing about the tokens: keep them.
                raise ApiError.from_response(response)
        options = self._options
        response = self._session.post(
            f"{options.base_url}/3rdparty/v1/auth/token",
            auth=(options.username, options.password),
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
    # #endregion refresh-or-reauthenticate

    # #region restore
    def _restore(self) -> _CurrentPair | None:
        """After a restart: the stored login's refresh token, to be refreshed before any use."""
        stored = self._options.store.load() if self._options.store else None
        if not stored:
            return None
        self._login_id = stored.login_id
        # No access token yet: everything is due, so the first call refreshes.
        due = datetime.min.replace(tzinfo=timezone.utc)
        self._pair = _CurrentPair(stored.login_id, "", stored.refresh_token, due, due)
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
        self._pair = _CurrentPair(
            pair.id,
            pair.access_token,
            pair.refresh_token,
            refresh_at=now + refresh_delay(response, pair.expires_at, self._options.margin),
            valid_until=now + refresh_delay(response, pair.expires_at, timedelta(0)),
        )
        self._failures = 0
        return self._save(self._pair)

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
        self._closed = True
        pending = self._pending
        if pending:
            pending.exception()  # let a refresh in flight land, so it is revoked too
        login_id, self._pair, self._login_id = self._login_id, None, None
        if not login_id:
            return
        if self._options.store:
            self._options.store.clear()
        options = self._options
        response = self._session.delete(
            f"{options.base_url}/3rdparty/v1/auth/token/{login_id}",
            auth=(options.username, options.password),
            timeout=TIMEOUT,
        )
        if not response.ok:
            raise RuntimeError(f"revoking failed: {response.status_code}")
    # #endregion revoke
