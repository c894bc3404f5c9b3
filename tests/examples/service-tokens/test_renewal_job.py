from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
import renewal_job as module
import requests

from create_service_token import ApiError, ServiceToken, create_service_token
from mock_api import DEMO, START, Clock, FakeTimers, Wire
from renewal_job import RenewalJob, RenewalJobOptions
from with_retries import CredentialsRejected

DAY = timedelta(days=1)
RENEW = "/renew"


@pytest.fixture
def timers(clock: Clock, monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeTimers]:
    fake = FakeTimers(clock)
    clock.patch(module)
    monkeypatch.setattr(module, "Timer", fake.timer)
    yield fake
    assert all(timer.daemon for timer in fake.armed)  # no timer keeps the process alive


class Service:
    """The running service: takes each renewed token, or refuses the first `refusals` of them."""

    def __init__(self, refusals: int = 0) -> None:
        self.tokens: list[ServiceToken] = []
        self.errors: list[Exception] = []
        self.refusals = refusals

    def take(self, token: ServiceToken) -> None:
        if self.refusals:
            self.refusals -= 1
            raise OSError("the secret store is read-only")
        self.tokens.append(token)


def job_for(base_url: str, service: Service, ttl: timedelta = DAY, scopes: list[str] | None = None) -> RenewalJob:
    seconds = int(ttl.total_seconds())
    first = create_service_token(base_url, *DEMO, name="reports", scopes=scopes or ["messages:read"], ttl=seconds)
    options = RenewalJobOptions(base_url, *DEMO, ttl, service.take, service.errors.append)
    return RenewalJob(options, first)


def works(base_url: str, token: str) -> bool:
    headers = {"Authorization": f"Bearer {token}"}
    return requests.get(f"{base_url}/3rdparty/v1/messages/none", headers=headers, timeout=10).status_code == 404


def statuses(wire: Wire) -> list[int]:
    return [response.status_code for _, response in wire.to(RENEW, "POST")]


def test_renews_at_80_percent_of_the_lifetime_and_hands_the_new_token_over(
    base_url: str, timers: FakeTimers
) -> None:
    service = Service()
    job = job_for(base_url, service)
    first = job.current
    job.start()
    assert timers.next_delay == 0.8 * DAY
    timers.fire()
    (renewed,) = service.tokens
    assert job.current == renewed
    assert (renewed["name"], renewed["scopes"]) == (first["name"], first["scopes"])
    assert renewed["id"] != first["id"]
    # Zero downtime: the old token works until its own expiry, the new one from the start.
    assert works(base_url, first["token"]) and works(base_url, renewed["token"])
    assert timers.next_delay == 0.8 * DAY
    job.stop()
    assert timers.armed == []


def test_a_service_using_job_current_never_meets_a_401_across_three_lifetimes(
    base_url: str, timers: FakeTimers
) -> None:
    job = job_for(base_url, Service())
    job.start()
    for _ in range(3):
        timers.fire()
        assert works(base_url, job.current["token"])


def test_asking_for_more_than_the_cap_takes_max_ttl_once_then_asks_for_the_cap(
    base_url: str, timers: FakeTimers, wire: Wire
) -> None:
    job = job_for(base_url, Service(), ttl=timedelta(days=7), scopes=["messages:read", "settings:write"])
    job._ttl = timedelta(days=30)  # pyright: ignore[reportPrivateUsage]  # as if configured so
    job.renew_now()
    job.renew_now()
    assert statuses(wire) == [400, 201, 201]
    asked = [request.body for request, _ in wire.to(RENEW, "POST")]
    assert asked == [b'{"ttl": 2592000}', b'{"ttl": 604800}', b'{"ttl": 604800}']


@pytest.mark.parametrize("status", [401, 403, 404])
def test_an_answer_retrying_cannot_change_stops_the_job(
    base_url: str, timers: FakeTimers, wire: Wire, status: int
) -> None:
    service = Service()
    job = job_for(base_url, service)
    job.start()
    wire.answer("POST", RENEW, status, {"message": "no", "code": status})
    with pytest.raises(ApiError) as raised:
        job.renew_now()
    assert raised.value.status == status
    assert isinstance(raised.value, CredentialsRejected) == (status == 401)
    assert timers.armed == []
    assert service.errors == [raised.value]


def test_a_5xx_is_retried_within_a_minute_then_later_and_the_old_token_still_works(
    base_url: str, timers: FakeTimers, wire: Wire
) -> None:
    service = Service()
    job = job_for(base_url, service)
    job.start()
    wire.answer("POST", RENEW, 503, times=2)
    timers.fire()
    assert timedelta(seconds=30) <= timers.next_delay <= timedelta(minutes=1)
    timers.fire()
    assert timedelta(minutes=1) <= timers.next_delay <= timedelta(minutes=2)
    timers.fire()
    assert statuses(wire) == [503, 503, 201]
    assert len(service.tokens) == 1 and len(service.errors) == 2


def test_a_failed_hand_off_is_retried_without_renewing_again(
    base_url: str, timers: FakeTimers, wire: Wire
) -> None:
    service = Service(refusals=1)
    job = job_for(base_url, service)
    job.start()
    timers.fire()
    assert [str(error) for error in service.errors] == ["the secret store is read-only"]
    timers.fire()
    assert statuses(wire) == [201]  # one renewal, handed over on the second try
    assert job.current == service.tokens[0]


def test_a_lost_answer_is_retried_and_the_token_it_may_have_minted_is_revoked_by_lineage(
    base_url: str, timers: FakeTimers, wire: Wire, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = Service()
    job = job_for(base_url, service)
    # Someone's token of the same name, not renewed by this job, must survive.
    bystander = create_service_token(base_url, *DEMO, name="reports", scopes=["messages:read"])
    send = requests.Session.send

    def lose_the_answer(session: requests.Session, request: requests.PreparedRequest, **kwargs: object) -> requests.Response:
        send(session, request, **kwargs)  # type: ignore[arg-type]  # the server renews...
        monkeypatch.setattr(requests.Session, "send", send)
        raise requests.ConnectionError("connection reset")  # ...and the answer never arrives

    monkeypatch.setattr(requests.Session, "send", lose_the_answer)
    with pytest.raises(requests.ConnectionError):
        job.renew_now()
    kept = job.renew_now()
    listed = requests.get(f"{base_url}/3rdparty/v1/service-tokens", auth=DEMO, timeout=10).json()
    assert sorted(token["id"] for token in listed) == sorted([job_first_id(listed, kept), kept["id"], bystander["id"]])
    assert works(base_url, bystander["token"])


def job_first_id(listed: list[dict[str, str | None]], kept: ServiceToken) -> str:
    origin = next(token["renewed_from"] for token in listed if token["id"] == kept["id"])
    assert origin is not None
    return origin


def test_a_token_that_comes_back_nearly_expired_backs_off_instead_of_renewing_in_a_loop(
    base_url: str, timers: FakeTimers, wire: Wire, clock: Clock
) -> None:
    job = job_for(base_url, Service())
    soon = (clock.now + timedelta(seconds=10)).isoformat()
    body = {**job.current, "id": "svc-short", "expires_at": soon}
    wire.answer("POST", RENEW, 201, dict(body))
    job.renew_now()
    job.start()
    assert timedelta(seconds=30) <= timers.next_delay <= timedelta(minutes=1)


def test_a_reporter_that_raises_is_logged(base_url: str, timers: FakeTimers, wire: Wire, caplog: pytest.LogCaptureFixture) -> None:
    first = create_service_token(base_url, *DEMO, name="reports", scopes=["messages:read"], ttl=86_400)

    def broken(error: Exception) -> None:
        raise RuntimeError("the reporter itself")

    job = RenewalJob(RenewalJobOptions(base_url, *DEMO, DAY, lambda token: None, broken), first)
    job.start()
    wire.answer("POST", RENEW, 503)
    timers.fire()
    assert "RenewalJob on_error raised" in caplog.text
    assert datetime.fromisoformat(first["expires_at"]) - START == DAY
