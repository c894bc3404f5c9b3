import pytest
import requests

from mock_api import DEMO
from issue_token_pair import issue_token_pair


def test_returns_the_201_pair_whose_access_token_the_api_accepts(base_url: str) -> None:
    pair = issue_token_pair(base_url, *DEMO, scopes=["messages:read"])
    assert sorted(pair) == ["access_token", "expires_at", "id", "refresh_token", "token_type"]
    assert pair["token_type"] == "Bearer"
    read = requests.get(
        f"{base_url}/3rdparty/v1/messages/none",
        headers={"Authorization": f"Bearer {pair['access_token']}"},
        timeout=10,
    )
    assert read.status_code == 404


@pytest.mark.parametrize(
    ("password", "scopes", "error"),
    [
        ("nope", ["messages:send"], r"401 .*Unauthorized"),
        (DEMO[1], ["messages:fly"], r"400 .*unknown scope messages:fly"),
        (DEMO[1], ["tokens:refresh"], r"400 .*cannot be requested"),
    ],
    ids=["a wrong password", "an unknown scope", "the system scope"],
)
def test_raises_with_the_status_and_the_apis_message(
    base_url: str, password: str, scopes: list[str], error: str
) -> None:
    with pytest.raises(RuntimeError, match=error):
        issue_token_pair(base_url, DEMO[0], password, scopes=scopes)
