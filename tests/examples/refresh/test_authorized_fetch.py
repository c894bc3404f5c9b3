import pytest
import requests

from authorized_fetch import authorized_request
from issue_token_pair import issue_token_pair
from mock_api import DEMO, Clock, MockApi
from refresh_token_pair import refresh_token_pair


class PairSource:
    """The least an `AccessTokenSource` does: one pair, refreshed when told it was refused."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.pair = issue_token_pair(base_url, *DEMO, scopes=["messages:send"])
        self.refused: list[str] = []

    def get_access_token(self) -> str:
        return self.pair["access_token"]

    def invalidate(self, access_token: str) -> None:
        self.refused.append(access_token)
        self.pair = refresh_token_pair(self.base_url, self.pair["refresh_token"])


def send(tokens: PairSource, session: requests.Session) -> requests.Response:
    return authorized_request(
        tokens,
        session,
        "POST",
        f"{tokens.base_url}/3rdparty/v1/messages",
        json={"phoneNumbers": ["+15555550100"], "textMessage": {"text": "hi"}},
        headers={"X-Request-Id": "1"},
    )


def test_attaches_the_access_token_and_keeps_the_callers_headers_and_body(base_url: str) -> None:
    tokens = PairSource(base_url)
    with requests.Session() as session:
        response = send(tokens, session)
    assert response.status_code == 202
    assert response.request.headers["Authorization"] == f"Bearer {tokens.pair['access_token']}"
    assert response.request.headers["X-Request-Id"] == "1"
    assert tokens.refused == []


def test_an_unexpected_401_refreshes_once_and_retries_once_which_succeeds(
    base_url: str, clock: Clock
) -> None:
    tokens = PairSource(base_url)
    first = tokens.get_access_token()
    # The client still believes its token valid; the server, 15 minutes ahead, has expired it.
    clock.advance(900)
    with requests.Session() as session:
        response = send(tokens, session)
    assert response.status_code == 202
    assert tokens.refused == [first]
    assert response.request.headers["Authorization"] != f"Bearer {first}"
    assert response.request.headers["X-Request-Id"] == "1"


def test_a_second_401_goes_back_to_the_caller_instead_of_looping(base_url: str, api: MockApi) -> None:
    tokens = PairSource(base_url)
    with requests.Session() as session:
        tokens.pair["access_token"] = "not-a-token"
        tokens.invalidate = lambda access_token: tokens.refused.append(access_token)  # no refresh
        response = send(tokens, session)
    assert response.status_code == 401
    assert tokens.refused == ["not-a-token"]


@pytest.mark.parametrize("status", [202])
def test_a_session_is_reused_across_calls(base_url: str, status: int) -> None:
    tokens = PairSource(base_url)
    with requests.Session() as session:
        assert [send(tokens, session).status_code for _ in range(3)] == [status] * 3
