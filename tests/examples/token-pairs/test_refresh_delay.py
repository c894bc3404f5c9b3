from datetime import datetime, timedelta

import refresh_delay as module
import requests

from mock_api import DEMO, Clock
from refresh_delay import refresh_delay


def issue(base_url: str, ttl: int | None = None) -> tuple[requests.Response, datetime]:
    body: dict[str, list[str] | int] = {"scopes": ["messages:send"]}
    if ttl is not None:
        body["ttl"] = ttl
    response = requests.post(f"{base_url}/3rdparty/v1/auth/token", auth=DEMO, json=body, timeout=10)
    return response, datetime.fromisoformat(response.json()["expires_at"])


def test_a_15_minute_token_is_refreshed_60_s_early(base_url: str) -> None:
    response, expires_at = issue(base_url)
    assert refresh_delay(response, expires_at) == timedelta(seconds=840)
    assert refresh_delay(response, expires_at, timedelta(seconds=30)) == timedelta(seconds=870)


def test_asking_for_an_hour_still_gets_15_minutes(base_url: str) -> None:
    response, expires_at = issue(base_url, ttl=3600)
    assert refresh_delay(response, expires_at, timedelta(0)) == timedelta(seconds=900)


def test_a_server_clock_10_minutes_ahead_of_ours_changes_nothing(
    base_url: str, clock: Clock
) -> None:
    clock.patch(module)
    clock.advance(600)
    clock.now -= timedelta(seconds=600)  # this machine's clock stays behind
    response, expires_at = issue(base_url)
    assert refresh_delay(response, expires_at) == timedelta(seconds=840)
    # Comparing with the local clock instead would wait 10 minutes too long.
    assert expires_at - clock.now == timedelta(seconds=1500)


def test_a_margin_longer_than_the_lifetime_falls_back_to_half_the_lifetime(base_url: str) -> None:
    response, expires_at = issue(base_url, ttl=60)
    assert refresh_delay(response, expires_at) == timedelta(seconds=30)


def test_without_a_date_header_the_local_clock_is_the_only_reference(clock: Clock) -> None:
    clock.patch(module)
    expires_at = clock.now + timedelta(seconds=900)
    assert refresh_delay(requests.Response(), expires_at) == timedelta(seconds=840)


def test_a_date_without_a_zone_is_read_as_gmt(clock: Clock) -> None:
    response = requests.Response()
    response.headers["Date"] = "Sat, 14 Mar 2026 01:45:00 -0000"
    assert refresh_delay(response, clock.now + timedelta(seconds=900)) == timedelta(seconds=840)
