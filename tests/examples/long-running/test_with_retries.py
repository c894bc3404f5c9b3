import threading
from collections.abc import Callable
from datetime import timedelta

import pytest
import requests
import with_retries as module

from create_service_token import ApiError, basic_auth, retry_after
from with_retries import (
    MIN_DELAY,
    CredentialsRejected,
    at_least_floor,
    backoff,
    is_transient,
    retry_delay,
    sleep,
    with_retries,
)


def answer(status: int, body: bytes = b'{"message": "Unauthorized", "code": 401}') -> requests.Response:
    response = requests.Response()
    response.status_code = status
    response._content = body  # pyright: ignore[reportPrivateUsage]
    return response


def test_a_401_on_the_login_is_credentials_rejected_naming_what_to_check(base_url: str) -> None:
    response = requests.post(
        f"{base_url}/3rdparty/v1/auth/token",
        auth=("demo", "wrong"),
        json={"scopes": ["messages:send"]},
        timeout=10,
    )
    error = CredentialsRejected.from_response(response)
    assert isinstance(error, CredentialsRejected)
    assert error.status == 401
    assert str(error) == (
        "the API refused the account credentials (401): check the username and password"
    )


@pytest.mark.parametrize("status", [400, 403, 500, 503])
def test_any_other_refusal_stays_an_api_error(status: int) -> None:
    error = CredentialsRejected.from_response(answer(status))
    assert type(error) is ApiError
    assert error.status == status


@pytest.mark.parametrize(
    ("error", "transient"),
    [
        (ApiError(500, {}), True),
        (ApiError(503, {}), True),
        (ApiError(429, {}), True),
        (ApiError(400, {}), False),
        (ApiError(401, {}), False),
        (CredentialsRejected(401, {}), False),
        (requests.ConnectionError("reset"), True),
        (requests.Timeout("slow"), True),
        (requests.JSONDecodeError("not JSON", "<html>", 0), True),
        (ValueError("the token endpoint answered without a complete token pair"), True),
        (KeyError("x"), False),
    ],
)
def test_is_transient(error: Exception, transient: bool) -> None:
    assert is_transient(error) is transient


class Waits:
    """`sleep` as the test's: records each wait instead of waiting."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.delays: list[timedelta] = []
        monkeypatch.setattr(module, "sleep", self.sleep)

    def sleep(self, delay: timedelta, stop: threading.Event | None = None) -> None:
        self.delays.append(delay)


def failing(*errors: Exception) -> Callable[[], str]:
    remaining = list(errors)

    def operation() -> str:
        if remaining:
            raise remaining.pop(0)
        return "done"

    return operation


def test_with_retries_retries_transient_failures_with_growing_jittered_waits(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    waits = Waits(monkeypatch)
    retried: list[Exception] = []
    operation = failing(ApiError(503, {}), requests.ConnectionError("reset"))
    assert with_retries(operation, attempts=3, on_retry=retried.append) == "done"
    assert len(retried) == 2
    first, second = waits.delays
    assert timedelta(seconds=0.5) <= first <= timedelta(seconds=1)
    assert timedelta(seconds=1) <= second <= timedelta(seconds=2)


def test_with_retries_gives_up_after_attempts_and_raises_the_last_failure(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    waits = Waits(monkeypatch)
    with pytest.raises(ApiError, match="^502"):
        with_retries(failing(ApiError(500, {}), ApiError(502, {}), ApiError(503, {})), attempts=2)
    assert len(waits.delays) == 1


def test_with_retries_raises_an_answer_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    waits = Waits(monkeypatch)
    with pytest.raises(CredentialsRejected):
        with_retries(failing(CredentialsRejected(401, {})))
    assert waits.delays == []


def test_a_429_waits_at_least_its_retry_after_up_to_the_maximum(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    waits = Waits(monkeypatch)
    limited = ApiError(429, {}, retry_after=timedelta(seconds=20))
    too_long = ApiError(429, {}, retry_after=timedelta(hours=1))
    with_retries(failing(limited, too_long), attempts=3, max_delay=timedelta(seconds=30))
    assert waits.delays == [timedelta(seconds=20), timedelta(seconds=30)]


def test_retry_after_reads_seconds_or_a_date_against_the_answers_own_date() -> None:
    seconds = answer(429)
    seconds.headers["Retry-After"] = "120"
    assert retry_after(seconds) == timedelta(seconds=120)
    dated = answer(503)
    dated.headers["Retry-After"] = "Sat, 14 Mar 2026 01:47:00 GMT"
    dated.headers["Date"] = "Sat, 14 Mar 2026 01:45:00 GMT"
    assert retry_after(dated) == timedelta(seconds=120)
    assert ApiError.from_response(dated).retry_after == timedelta(seconds=120)
    nonsense = answer(503)
    nonsense.headers["Retry-After"] = "soon"
    assert retry_after(nonsense) is None
    assert retry_after(answer(503)) is None


def test_no_delay_is_shorter_than_the_floor() -> None:
    assert at_least_floor(timedelta(0)) == MIN_DELAY
    assert at_least_floor(timedelta(seconds=-5)) == MIN_DELAY
    assert at_least_floor(timedelta(seconds=2)) == timedelta(seconds=2)
    assert retry_delay(ApiError(503, {}), 0, timedelta(0), timedelta(0)) == MIN_DELAY


def test_setting_stop_ends_the_retrying() -> None:
    stop = threading.Event()
    stop.set()
    with pytest.raises(ApiError):
        with_retries(failing(ApiError(503, {})), attempts=5, stop=stop)


def test_a_stop_during_the_wait_ends_it_with_no_further_attempt(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    stop = threading.Event()

    def stopped_meanwhile(delay: timedelta, event: threading.Event | None = None) -> None:
        stop.set()

    monkeypatch.setattr(module, "sleep", stopped_meanwhile)
    calls: list[int] = []

    def operation() -> str:
        calls.append(1)
        raise ApiError(503, {})

    with pytest.raises(ApiError):
        with_retries(operation, attempts=5, stop=stop)
    assert len(calls) == 1


def test_sleep_returns_at_once_when_stopped() -> None:
    stop = threading.Event()
    stop.set()
    sleep(timedelta(hours=1), stop)  # would hang the test if it waited


def test_backoff_doubles_up_to_the_ceiling_jittered_within_its_upper_half() -> None:
    base, ceiling = timedelta(seconds=1), timedelta(seconds=8)
    for attempt, top in enumerate([1, 2, 4, 8, 8]):
        delay = backoff(attempt, base, ceiling)
        assert timedelta(seconds=top / 2) <= delay <= timedelta(seconds=top)


def test_basic_auth_sends_utf8(base_url: str) -> None:
    prepared = requests.Request("GET", base_url, auth=basic_auth("dëmo", "pässwörd€")).prepare()
    assert prepared.headers["Authorization"] == "Basic ZMOrbW86cMOkc3N3w7ZyZOKCrA=="
