from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import requests
import token_daemon as module
import with_retries

from create_service_token import ApiError
from mock_api import DEMO, Clock, FakeTimers, Wire
from token_daemon import RefreshRefused, TokenDaemon, TokenDaemonOptions
from token_store import FileTokenStore, StoredLogin
from with_retries import MIN_DELAY, CredentialsRejected

REFRESH = "/auth/token/refresh"
LOGIN = "/3rdparty/v1/auth/token"


@pytest.fixture
def timers(clock: Clock, monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeTimers]:
    fake = FakeTimers(clock)
    clock.patch(module)
    monkeypatch.setattr(module, "Timer", fake.timer)

    def sleep(delay: timedelta, stop: object = None) -> None:  # retries wait on the test's clock
        clock.advance(delay.total_seconds())

    monkeypatch.setattr(with_retries, "sleep", sleep)
    yield fake
    assert all(timer.daemon for timer in fake.armed)  # no timer keeps the process alive


def daemon(base_url: str, **options: Any) -> tuple[TokenDaemon, list[Exception]]:
    errors: list[Exception] = []
    settings: dict[str, Any] = {"on_error": errors.append, **options}
    scopes = ["messages:send", "messages:read"]
    return TokenDaemon(TokenDaemonOptions(base_url, *DEMO, scopes, **settings)), errors


def statuses(wire: Wire, path: str, method: str = "POST") -> list[int]:
    return [response.status_code for _, response in wire.to(path, method)]


def accepted(base_url: str, token: str) -> bool:
    headers = {"Authorization": f"Bearer {token}"}
    return requests.get(f"{base_url}/3rdparty/v1/messages/none", headers=headers, timeout=10).status_code == 404


def test_logs_in_then_refreshes_60_s_before_each_expiry(
    base_url: str, timers: FakeTimers, wire: Wire
) -> None:
    tokens, errors = daemon(base_url)
    tokens.start()
    first = tokens.access_token
    assert timers.next_delay == timedelta(seconds=840)
    timers.fire()
    second = tokens.access_token
    assert second != first and accepted(base_url, second)
    timers.fire()
    assert statuses(wire, LOGIN) == [201]
    assert statuses(wire, REFRESH) == [201, 201]
    assert errors == []


def test_has_no_token_before_start(base_url: str) -> None:
    tokens, _ = daemon(base_url)
    with pytest.raises(RuntimeError, match="call start"):
        tokens.access_token


def test_the_api_down_at_start_is_retried_with_backoff(
    base_url: str, timers: FakeTimers, wire: Wire
) -> None:
    wire.answer("POST", LOGIN, 503, times=2)
    tokens, errors = daemon(base_url)
    tokens.start()
    assert accepted(base_url, tokens.access_token)
    assert statuses(wire, LOGIN) == [503, 503, 201]
    assert [error.status for error in errors if isinstance(error, ApiError)] == [503, 503]


def test_a_wrong_password_at_start_raises_at_once(base_url: str, timers: FakeTimers, wire: Wire) -> None:
    tokens, _ = daemon(base_url)
    tokens._options = TokenDaemonOptions(base_url, DEMO[0], "wrong", ["messages:send"])  # pyright: ignore[reportPrivateUsage]
    with pytest.raises(CredentialsRejected):
        tokens.start()
    assert statuses(wire, LOGIN) == [401]


def test_a_refused_refresh_is_reported_its_login_revoked_and_a_new_login_made(
    base_url: str, timers: FakeTimers, wire: Wire
) -> None:
    refused: list[str | None] = []
    tokens, errors = daemon(base_url, on_refresh_refused=refused.append)
    tokens.start()
    stolen: str = wire.to(LOGIN)[0][1].json()["refresh_token"]
    login_id: str = wire.to(LOGIN)[0][1].json()["id"]
    # A thief spends the refresh token first: the daemon's attempt is reuse.
    thief = requests.post(f"{base_url}/3rdparty/v1{REFRESH}", headers={"Authorization": f"Bearer {stolen}"}, timeout=10)
    timers.fire()
    assert refused == [login_id]
    assert [type(error) for error in errors] == [RefreshRefused]
    assert statuses(wire, "", "DELETE") == [204]
    assert not accepted(base_url, thief.json()["access_token"])  # the thief's chain is revoked
    assert accepted(base_url, tokens.access_token)
    assert statuses(wire, LOGIN) == [201, 201]


def test_out_of_attempts_it_tries_again_later_and_keeps_the_token_until_it_expires(
    base_url: str, timers: FakeTimers, wire: Wire
) -> None:
    tokens, errors = daemon(base_url, max_attempts=2)
    tokens.start()
    first = tokens.access_token
    wire.answer("POST", REFRESH, 503, times=2)
    timers.fire()
    assert len(errors) == 2
    assert timers.next_delay == timedelta(seconds=60)
    assert tokens.access_token == first  # still valid: the last good one
    timers.fire()
    assert tokens.access_token != first
    assert statuses(wire, REFRESH) == [503, 503, 201]


def test_a_token_past_its_expiry_is_never_handed_out(
    base_url: str, timers: FakeTimers, wire: Wire, clock: Clock
) -> None:
    tokens, _ = daemon(base_url, max_attempts=1)
    tokens.start()
    wire.answer("POST", REFRESH, 503, times=None)
    timers.fire()
    clock.advance(60)
    with pytest.raises(RuntimeError, match="no valid access token"):
        tokens.access_token


def test_credentials_refused_mid_life_stop_the_daemon_and_say_why(
    base_url: str, timers: FakeTimers, wire: Wire
) -> None:
    tokens, errors = daemon(base_url)
    tokens.start()
    wire.answer("POST", REFRESH, 401, {"message": "Unauthorized", "code": 401})
    wire.answer("POST", LOGIN, 401, {"message": "Unauthorized", "code": 401})
    timers.fire()
    assert isinstance(errors[-1], CredentialsRejected)
    with pytest.raises(CredentialsRejected):
        tokens.access_token
    assert timers.armed == []


def test_invalidate_refreshes_at_once_once_and_ignores_other_tokens(
    base_url: str, timers: FakeTimers, wire: Wire
) -> None:
    tokens, _ = daemon(base_url)
    tokens.start()
    first = tokens.access_token
    tokens.invalidate("some other token")
    assert statuses(wire, REFRESH) == []
    tokens.invalidate(first)
    assert tokens.access_token != first
    tokens.invalidate(first)  # already replaced: nothing to do
    assert statuses(wire, REFRESH) == [201]


def test_a_token_that_arrives_expired_is_retried_later_each_time_longer(
    base_url: str, timers: FakeTimers, wire: Wire
) -> None:
    tokens, _ = daemon(base_url)
    tokens.start()
    expired = {
        "id": "x",
        "token_type": "Bearer",
        "access_token": "a",
        "refresh_token": "r",
        "expires_at": "2026-03-14T01:00:00Z",
    }
    wire.answer("POST", REFRESH, 201, expired)
    timers.fire()
    assert MIN_DELAY <= timers.next_delay <= timedelta(seconds=1)


def test_a_restart_carries_on_with_the_stored_login(
    base_url: str, timers: FakeTimers, wire: Wire, tmp_path: Path
) -> None:
    store = FileTokenStore(tmp_path / "login.json")
    before, _ = daemon(base_url, store=store)
    before.start()
    before.stop()
    assert store.load() is not None
    after, _ = daemon(base_url, store=store)
    after.start()
    assert accepted(base_url, after.access_token)
    assert statuses(wire, LOGIN) == [201]
    assert statuses(wire, REFRESH) == [201]


def test_a_failed_store_write_is_reported_not_fatal(
    base_url: str, timers: FakeTimers, tmp_path: Path
) -> None:
    class BrokenStore:
        def load(self) -> StoredLogin | None:
            return None

        def save(self, login: StoredLogin) -> None:
            raise OSError("disk full")

        def clear(self) -> None:
            pass

    tokens, errors = daemon(base_url, store=BrokenStore())
    tokens.start()
    assert accepted(base_url, tokens.access_token)
    assert [str(error) for error in errors] == ["disk full"]


def test_revoke_ends_the_login_and_clears_the_store(
    base_url: str, timers: FakeTimers, wire: Wire, tmp_path: Path
) -> None:
    store = FileTokenStore(tmp_path / "login.json")
    tokens, _ = daemon(base_url, store=store)
    tokens.start()
    first = tokens.access_token
    tokens.revoke()
    assert not accepted(base_url, first)
    assert store.load() is None
    assert timers.armed == []
    assert statuses(wire, "", "DELETE") == [204]


def test_revoke_after_a_restart_revokes_the_stored_login(
    base_url: str, timers: FakeTimers, wire: Wire, tmp_path: Path
) -> None:
    store = FileTokenStore(tmp_path / "login.json")
    before, _ = daemon(base_url, store=store)
    before.start()
    token = before.access_token
    before.stop()
    daemon(base_url, store=store)[0].revoke()  # retiring: never started, still revokes
    assert not accepted(base_url, token)
    wire.answer("DELETE", "", 503)
    before.start()
    with pytest.raises(ApiError, match="^503"):
        before.revoke()


def test_a_reporter_that_raises_is_logged_and_the_daemon_goes_on(
    base_url: str, timers: FakeTimers, wire: Wire, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(error: Exception) -> None:
        raise RuntimeError("the reporter itself")

    def refused_broken(login_id: str | None) -> None:
        raise RuntimeError("the alert itself")

    tokens, _ = daemon(base_url, on_error=broken, on_refresh_refused=refused_broken)
    tokens.start()
    wire.answer("POST", REFRESH, 401, {"message": "Unauthorized", "code": 401})
    timers.fire()
    assert accepted(base_url, tokens.access_token)
    assert "TokenDaemon on_error raised" in caplog.text
    assert "TokenDaemon on_refresh_refused raised" in caplog.text
