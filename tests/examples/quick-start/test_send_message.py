import pytest

from mock_api import DEMO
from issue_token_pair import issue_token_pair
from send_message import send_message


def test_sends_with_the_access_token_and_returns_the_202_message(base_url: str) -> None:
    pair = issue_token_pair(base_url, *DEMO, scopes=["messages:send"])
    message = send_message(base_url, pair["access_token"], "+15555550100", "Hello")
    assert message["state"] == "Pending"
    assert isinstance(message["id"], str)


def test_a_token_without_the_scope_is_refused(base_url: str) -> None:
    pair = issue_token_pair(base_url, *DEMO, scopes=["messages:read"])
    with pytest.raises(RuntimeError, match=r"sending failed: 403"):
        send_message(base_url, pair["access_token"], "+15555550100", "Hello")
