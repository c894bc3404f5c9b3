import before as module
import pytest
import requests

from before import SenderConfig, create_message_sender
from mock_api import DEMO, Clock


def logins(sent: list[requests.PreparedRequest]) -> list[requests.PreparedRequest]:
    return [request for request in sent if (request.url or "").endswith("/auth/token")]


def test_access_tokens_only_send_the_password_again_every_14_minutes(
    base_url: str, clock: Clock, sent: list[requests.PreparedRequest]
) -> None:
    clock.patch(module)
    send = create_message_sender(SenderConfig(base_url, *DEMO))
    for minute in range(0, 120, 5):
        assert send("+15555550100", f"minute {minute}")["state"] == "Pending"
        clock.advance(300)
    assert len(logins(sent)) == 8  # at minute 0, then 15, 30, … 105
    assert all(
        str(request.headers.get("Authorization")).startswith("Basic ") for request in logins(sent)
    )


def test_a_refused_message_is_an_error_naming_the_status(base_url: str, clock: Clock) -> None:
    clock.patch(module)
    send = create_message_sender(SenderConfig(base_url, *DEMO))
    with pytest.raises(RuntimeError, match="sending failed: 400"):
        send("", "no number")


def test_a_wrong_password_fails_with_one_login_attempt_and_no_retry(
    base_url: str, clock: Clock, sent: list[requests.PreparedRequest]
) -> None:
    clock.patch(module)
    send = create_message_sender(SenderConfig(base_url, DEMO[0], "wrong"))
    with pytest.raises(RuntimeError, match="authentication failed: 401"):
        send("+15555550100", "one")
    assert len(logins(sent)) == 1
