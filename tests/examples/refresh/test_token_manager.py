import random
import threading
from datetime import timedelta

import pytest
import requests
import token_manager as module

from create_service_token import ApiError
from mock_api import DEMO, Clock, Wire
from token_manager import TokenManager, TokenManagerOptions
from with_retries import CredentialsRejected

REFRESH = "/auth/token/refresh"
LOGIN = "/3rdparty/v1/auth/token"


@pytest.fixture(autouse=True)
def frozen(clock: Clock) -> None:
    clock.patch(module)


def manager(base_url: str, password: str = DEMO[1], scopes: list[str] | None = None) -> TokenManager:
    options = TokenManagerOptions(
        base_url, DEMO[0], password, scopes or ["messages:send", "messages:read"]
    )
    return TokenManager(options)


def accepted(base_url: str, token: str) -> bool:
    answer = requests.get(
        f"{base_url}/3rdparty/v1/messages/none",
        headers={"Authorization": f"Bearer {token}"},
        timeout=10,
    )
    return answer.status_code == 404


def statuses(wire: Wire, path: str) -> list[int]:
    return [response.status_code for _, response in wire.to(path, "POST")]


def bearers(wire: Wire, path: str) -> list[str]:
    return [str(request.headers["Authorization"])[7:] for request, _ in wire.to(path, "POST")]


def test_authenticates_once_then_hands_out_the_same_token_while_it_is_valid(
    base_url: str, clock: Clock, wire: Wire
) -> None:
    tokens = manager(base_url)
    first = tokens.get_access_token()
    clock.advance(839)
    assert tokens.get_access_token() == first
    assert statuses(wire, LOGIN) == [201]
    assert statuses(wire, REFRESH) == []
    assert accepted(base_url, first)


def test_refreshes_60_s_before_expiry_and_keeps_the_rotated_refresh_token(
    base_url: str, clock: Clock, wire: Wire
) -> None:
    tokens = manager(base_url)
    first = tokens.get_access_token()
    clock.advance(840)
    second = tokens.get_access_token()
    clock.advance(840)
    third = tokens.get_access_token()
    assert len({first, second, third}) == 3
    assert statuses(wire, REFRESH) == [201, 201]
    one, two = bearers(wire, REFRESH)
    assert one != two
    assert accepted(base_url, third)


@pytest.mark.parametrize("callers", [20])
def test_concurrent_callers_on_an_expired_token_cause_exactly_one_refresh(
    base_url: str, clock: Clock, wire: Wire, callers: int
) -> None:
    tokens = manager(base_url)
    tokens.get_access_token()
    clock.advance(900)
    start = threading.Barrier(callers)
    results: list[str] = []

    def call() -> None:
        start.wait()
        results.append(tokens.get_access_token())

    threads = [threading.Thread(target=call) for _ in range(callers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == callers
    assert len(set(results)) == 1
    assert statuses(wire, REFRESH) == [201]


def test_when_refresh_answers_401_it_logs_in_again_and_never_resends_that_refresh_token(
    base_url: str, clock: Clock, wire: Wire
) -> None:
    tokens = manager(base_url)
    tokens.get_access_token()
    stolen: str = wire.to(LOGIN, "POST")[0][1].json()["refresh_token"]
    # Someone else spends the refresh token first, so the manager's attempt is reuse: 401.
    requests.post(
        f"{base_url}/3rdparty/v1{REFRESH}", headers={"Authorization": f"Bearer {stolen}"}, timeout=10
    )
    clock.advance(840)
    token = tokens.get_access_token()
    assert accepted(base_url, token)
    assert statuses(wire, REFRESH) == [201, 401]
    assert statuses(wire, LOGIN) == [201, 201]
    clock.advance(840)
    tokens.get_access_token()
    sent = bearers(wire, REFRESH)
    assert sent.count(stolen) == 2  # the thief's and the manager's one try
    assert sent[2] != stolen
    assert statuses(wire, REFRESH)[2] == 201


def test_a_503_from_refresh_while_the_token_is_valid_the_current_token_a_pause_then_a_retry(
    base_url: str, clock: Clock, wire: Wire, monkeypatch: pytest.MonkeyPatch
) -> None:
    def longest(low: float, high: float) -> float:
        return high

    monkeypatch.setattr(random, "uniform", longest)  # the pause's jitter at its longest: 5 s
    tokens = manager(base_url)
    first = tokens.get_access_token()
    clock.advance(840)
    wire.answer("POST", REFRESH, 503)
    assert tokens.get_access_token() == first  # 60 s of life left: keep using it
    clock.advance(4)
    assert tokens.get_access_token() == first  # no new attempt within 5 s
    assert statuses(wire, REFRESH) == [503]
    clock.advance(1)
    second = tokens.get_access_token()
    assert second != first
    assert accepted(base_url, second)
    assert statuses(wire, REFRESH) == [503, 201]
    assert statuses(wire, LOGIN) == [201]


def test_a_dropped_connection_is_treated_like_a_5xx(base_url: str, clock: Clock, wire: Wire) -> None:
    tokens = manager(base_url)
    first = tokens.get_access_token()
    clock.advance(840)
    wire.fail("POST", REFRESH, requests.ConnectionError("connection reset"))
    assert tokens.get_access_token() == first


def test_refresh_failing_past_expiry_is_an_error_an_expired_token_is_never_handed_out(
    base_url: str, clock: Clock, wire: Wire
) -> None:
    tokens = manager(base_url)
    tokens.get_access_token()
    clock.advance(900)
    wire.answer("POST", REFRESH, 503, times=None)
    with pytest.raises(ApiError, match="^503"):
        tokens.get_access_token()


def test_a_malformed_201_stores_nothing_and_the_spent_refresh_token_is_never_resent(
    base_url: str, clock: Clock, wire: Wire
) -> None:
    tokens = manager(base_url)
    first = tokens.get_access_token()
    spent: str = wire.to(LOGIN, "POST")[0][1].json()["refresh_token"]
    clock.advance(840)
    wire.answer("POST", REFRESH, 201, {"access_token": "half"}, times=None)
    assert tokens.get_access_token() == first  # the old pair, whole; not "half"
    clock.advance(5)
    after = tokens.get_access_token()
    assert after not in ("half", first)
    assert accepted(base_url, after)
    assert bearers(wire, REFRESH) == [spent]  # the spent token went out once, never again
    assert statuses(wire, LOGIN) == [201, 201]  # recovered by logging in again


def test_with_the_client_clock_10_minutes_slow_it_still_refreshes_before_the_server_expires_it(
    base_url: str, clock: Clock, wire: Wire
) -> None:
    clock.advance(600)
    clock.now -= timedelta(minutes=10)  # this machine's clock lags the server's
    tokens = manager(base_url)
    for _ in range(60):
        assert accepted(base_url, tokens.get_access_token())
        clock.advance(60)
    assert set(statuses(wire, REFRESH)) == {201}
    assert len(statuses(wire, REFRESH)) >= 4


def test_revoke_ends_the_whole_login_the_current_and_the_older_access_tokens(
    base_url: str, clock: Clock, wire: Wire
) -> None:
    tokens = manager(base_url)
    first = tokens.get_access_token()
    clock.advance(840)
    second = tokens.get_access_token()
    tokens.revoke()
    assert not accepted(base_url, first)
    assert not accepted(base_url, second)
    assert [response.status_code for _, response in wire.to("", "DELETE")] == [204]
    with pytest.raises(RuntimeError, match="stopped"):
        tokens.get_access_token()
    tokens.revoke()  # nothing left: sends nothing
    assert len(wire.to("", "DELETE")) == 1


def test_a_refused_revocation_is_an_error(base_url: str, wire: Wire) -> None:
    tokens = manager(base_url)
    tokens.get_access_token()
    wire.answer("DELETE", "", 503)
    with pytest.raises(ApiError, match="^503"):
        tokens.revoke()


def test_revoke_during_a_refresh_in_flight_waits_for_it_and_revokes_what_it_brought(
    base_url: str, clock: Clock, wire: Wire
) -> None:
    tokens = manager(base_url)
    tokens.get_access_token()
    clock.advance(840)
    landed: list[str] = []
    refreshing, go_on = threading.Event(), threading.Event()
    send = requests.Session.send

    def slow_refresh(session: requests.Session, request: requests.PreparedRequest, **kwargs: object) -> requests.Response:
        if (request.url or "").endswith(REFRESH):
            refreshing.set()
            go_on.wait(10)
        return send(session, request, **kwargs)  # type: ignore[arg-type]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(requests.Session, "send", slow_refresh)
        in_flight = threading.Thread(target=lambda: landed.append(tokens.get_access_token()))
        in_flight.start()
        refreshing.wait(10)
        revoking = threading.Thread(target=tokens.revoke)
        revoking.start()
        go_on.set()
        in_flight.join()
        revoking.join()
    assert len(landed) == 1
    assert not accepted(base_url, landed[0])


def test_invalidate_makes_the_next_call_refresh(base_url: str, wire: Wire) -> None:
    tokens = manager(base_url)
    first = tokens.get_access_token()
    tokens.invalidate("some other token")
    assert tokens.get_access_token() == first
    tokens.invalidate(first)
    assert tokens.get_access_token() != first
    assert statuses(wire, REFRESH) == [201]


def test_a_wrong_password_is_terminal_one_login_attempt_then_the_same_error(
    base_url: str, wire: Wire
) -> None:
    tokens = manager(base_url, password="wrong", scopes=["messages:send"])
    with pytest.raises(CredentialsRejected):
        tokens.get_access_token()
    with pytest.raises(CredentialsRejected, match=r"refused the account credentials \(401\)"):
        tokens.get_access_token()
    assert statuses(wire, LOGIN) == [401]


def test_a_400_on_the_login_is_an_error_not_a_credentials_problem(base_url: str, wire: Wire) -> None:
    tokens = manager(base_url, scopes=["no:such-scope"])
    with pytest.raises(ApiError) as raised:
        tokens.get_access_token()
    assert raised.value.status == 400
    assert not isinstance(raised.value, CredentialsRejected)
    assert statuses(wire, LOGIN) == [400]
