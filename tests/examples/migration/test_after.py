import pytest
import token_manager

from after import create_message_sender
from before import SenderConfig
from mock_api import DEMO, Clock, Wire
from with_retries import CredentialsRejected


@pytest.fixture(autouse=True)
def frozen(clock: Clock) -> None:
    clock.patch(token_manager)


def test_token_pairs_over_two_hours_the_password_is_sent_once_the_rest_are_refreshes(
    base_url: str, clock: Clock, wire: Wire
) -> None:
    send = create_message_sender(SenderConfig(base_url, *DEMO))
    for minute in range(0, 120, 5):
        assert send("+15555550100", f"minute {minute}")["state"] == "Pending"
        clock.advance(300)
    assert len(wire.to("/3rdparty/v1/auth/token", "POST")) == 1
    refreshes = wire.to("/auth/token/refresh", "POST")
    assert len(refreshes) == 7  # at minutes 15, 30, … 105: one per 14-minute lifetime
    # Not one request was refused along the way.
    assert all(response.status_code < 400 for _, response in wire.exchanges)


def test_a_refused_message_is_an_error_naming_the_status(base_url: str) -> None:
    send = create_message_sender(SenderConfig(base_url, *DEMO))
    with pytest.raises(RuntimeError, match="sending failed: 400"):
        send("", "no number")


def test_a_wrong_password_is_terminal_later_sends_do_not_try_it_again(
    base_url: str, wire: Wire
) -> None:
    send = create_message_sender(SenderConfig(base_url, DEMO[0], "wrong"))
    with pytest.raises(CredentialsRejected):
        send("+15555550100", "one")
    with pytest.raises(CredentialsRejected):
        send("+15555550100", "two")
    assert len(wire.to("/3rdparty/v1/auth/token", "POST")) == 1
