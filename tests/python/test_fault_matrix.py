"""The fault matrix (src/data/behaviour.ts) held by the Python token manager, daemon and cron run,
over HTTP: each fault is armed in the mock's own fault layer (src/mock/faults), so the Python meets
a dropped connection, a proxy's HTML page, a rate limit or a body cut short on the wire, as the
TypeScript does. Each test is named after the behaviour id it holds."""

import random
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
import requests
import token_daemon
import token_manager
import with_retries

from mock_api import DEMO, Clock, FakeTimers, MockApi, Wire
from renew_due_tokens import DirectorySecretStore, RenewDueTokensOptions, renew_due_tokens
from token_daemon import TokenDaemon, TokenDaemonOptions
from token_manager import TokenManager, TokenManagerOptions

REFRESH = "/3rdparty/v1/auth/token/refresh"
LOGIN = "/3rdparty/v1/auth/token"
SCOPES = ["messages:send", "messages:read"]


@pytest.fixture
def timers(clock: Clock, monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeTimers]:
    fake = FakeTimers(clock)
    clock.patch(token_daemon)
    clock.patch(token_manager)
    monkeypatch.setattr(token_daemon, "Timer", fake.timer)

    def sleep(delay: timedelta, stop: object = None) -> None:  # retries wait on the test's clock
        clock.advance(delay.total_seconds())

    monkeypatch.setattr(with_retries, "sleep", sleep)
    def longest(low: float, high: float) -> float:  # jitter at its longest: waits are exact
        return high

    monkeypatch.setattr(random, "uniform", longest)
    yield fake


def accepted(base_url: str, token: str) -> bool:
    headers = {"Authorization": f"Bearer {token}"}
    url = f"{base_url}/3rdparty/v1/messages/none"
    return requests.get(url, headers=headers, timeout=10).status_code == 404


def statuses(wire: Wire, path: str, method: str = "POST") -> list[int]:
    return [response.status_code for _, response in wire.to(path, method)]


def manager(base_url: str) -> TokenManager:
    return TokenManager(TokenManagerOptions(base_url, *DEMO, SCOPES))


def daemon(base_url: str) -> tuple[TokenDaemon, list[Exception]]:
    errors: list[Exception] = []
    options = TokenDaemonOptions(base_url, *DEMO, SCOPES, on_error=errors.append)
    return TokenDaemon(options), errors


def test_manager_5xx_a_proxys_502_page_keeps_the_current_token(
    api: MockApi, base_url: str, clock: Clock, timers: FakeTimers, wire: Wire
) -> None:
    tokens = manager(base_url)
    first = tokens.get_access_token()
    clock.advance(840)
    api.fault("POST", REFRESH, {"kind": "html", "status": 502})
    assert tokens.get_access_token() == first
    clock.advance(5)
    assert tokens.get_access_token() != first
    assert statuses(wire, LOGIN) == [201]


def test_manager_429_no_new_attempt_before_retry_after(
    api: MockApi, base_url: str, clock: Clock, timers: FakeTimers, wire: Wire
) -> None:
    tokens = manager(base_url)
    first = tokens.get_access_token()
    clock.advance(840)
    api.fault("POST", REFRESH, {"kind": "rateLimited", "retryAfter": "30"})
    assert tokens.get_access_token() == first
    clock.advance(29)
    assert tokens.get_access_token() == first
    assert statuses(wire, REFRESH) == [429]
    clock.advance(1)
    assert tokens.get_access_token() != first


@pytest.mark.parametrize("fault", [{"kind": "truncated"}, {"kind": "rewrite", "set": {"access_token": None}}])
def test_manager_unreadable_stores_nothing_and_recovers_with_a_login(
    api: MockApi, base_url: str, clock: Clock, timers: FakeTimers, wire: Wire, fault: dict[str, object]
) -> None:
    tokens = manager(base_url)
    first = tokens.get_access_token()
    clock.advance(840)
    api.fault("POST", REFRESH, fault)
    assert tokens.get_access_token() == first
    clock.advance(5)
    after = tokens.get_access_token()
    assert after != first and accepted(base_url, after)
    assert len(wire.to(REFRESH, "POST")) == 1  # the spent refresh token is never resent
    assert statuses(wire, "", "DELETE") == [204]  # the lost pair's login revoked first
    assert statuses(wire, LOGIN) == [201, 201]


def test_manager_expired_an_answer_already_expired_is_never_handed_out(
    api: MockApi, base_url: str, clock: Clock, timers: FakeTimers
) -> None:
    tokens = manager(base_url)
    tokens.get_access_token()
    clock.advance(900)
    api.fault("POST", REFRESH, {"kind": "rewrite", "set": {"expires_at": "2026-03-14T01:00:00Z"}})
    with pytest.raises(ValueError, match="expired token"):
        tokens.get_access_token()
    with pytest.raises(ValueError, match="expired token"):  # the backoff: no new attempt yet
        tokens.get_access_token()


def test_manager_lost_the_lost_pair_dies_with_its_login(
    api: MockApi, base_url: str, clock: Clock, timers: FakeTimers, wire: Wire
) -> None:
    tokens = manager(base_url)
    first = tokens.get_access_token()
    clock.advance(900)
    api.fault("POST", REFRESH, {"kind": "lost"})
    with pytest.raises(requests.ConnectionError):
        tokens.get_access_token()
    clock.advance(5)
    after = tokens.get_access_token()
    assert accepted(base_url, after)
    assert not accepted(base_url, first)
    assert statuses(wire, "", "DELETE") == [204]


def test_daemon_5xx_retries_with_growing_waits_and_recovers_with_no_new_login(
    api: MockApi, base_url: str, timers: FakeTimers, wire: Wire
) -> None:
    tokens, errors = daemon(base_url)
    tokens.start()
    api.fault("POST", REFRESH, {"kind": "html", "status": 503}, times=2)
    timers.fire()
    assert len(errors) == 2
    assert accepted(base_url, tokens.access_token)
    assert statuses(wire, LOGIN) == [201]


def test_daemon_429_waits_at_least_retry_after_then_refreshes(
    api: MockApi, base_url: str, clock: Clock, timers: FakeTimers, wire: Wire
) -> None:
    tokens, _ = daemon(base_url)
    tokens.start()
    api.fault("POST", REFRESH, {"kind": "rateLimited", "retryAfter": "45"})
    before = clock.now
    timers.fire()
    assert clock.now - before >= timedelta(seconds=840 + 45)
    assert accepted(base_url, tokens.access_token)


def test_daemon_lost_the_retry_is_reuse_the_old_login_revoked_and_one_new_login(
    api: MockApi, base_url: str, timers: FakeTimers, wire: Wire
) -> None:
    tokens, _ = daemon(base_url)
    tokens.start()
    api.fault("POST", REFRESH, {"kind": "lost"})
    timers.fire()
    assert accepted(base_url, tokens.access_token)
    assert statuses(wire, LOGIN) == [201, 201]
    assert statuses(wire, "", "DELETE") == [204]


def test_daemon_unreadable_the_login_is_revoked_and_the_retry_is_a_clean_login(
    api: MockApi, base_url: str, timers: FakeTimers, wire: Wire
) -> None:
    tokens, _ = daemon(base_url)
    tokens.start()
    api.fault("POST", REFRESH, {"kind": "html", "status": 201})
    timers.fire()
    assert accepted(base_url, tokens.access_token)
    assert statuses(wire, "", "DELETE") == [204]
    assert statuses(wire, LOGIN) == [201, 201]


def test_renew_lost_retried_and_the_lost_token_revoked_by_the_next_run(
    api: MockApi, base_url: str, clock: Clock, tmp_path: Path, timers: FakeTimers
) -> None:
    secrets = DirectorySecretStore(tmp_path)
    options = RenewDueTokensOptions(
        base_url, *DEMO, [{"name": "billing-sync", "scopes": ["messages:read"]}], timedelta(days=100), secrets
    )
    renew_due_tokens(options)
    api.fault("POST", "/3rdparty/v1/service-tokens/:id/renew", {"kind": "lost"})
    report = renew_due_tokens(options)
    assert report.renewed == ["billing-sync"]  # the retry renewed it
    revoked = renew_due_tokens(options).revoked
    assert len(revoked) == 2  # the replaced token and the one the lost answer minted
    listed = requests.get(f"{base_url}/3rdparty/v1/service-tokens", auth=DEMO, timeout=10).json()
    assert len(listed) == 2  # what the store holds, and its renewal by this run
    assert datetime.fromisoformat(listed[0]["expires_at"]) > clock.now
